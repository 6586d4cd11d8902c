// Writes a catalogue of generated trials (not real studies) to show a portal at scale:
//   node scripts/generate-catalogue.mjs [--trials 24] [--own 8] [--out trials/generated]
// Each trial asks the bank's common questions (by reference, {"bank": "ecog"}) with limits that
// differ from trial to trial, and `--own` yes/no questions of its own. The same arguments always
// write the same files (a seeded generator), so the demonstration page and the benchmark are
// reproducible.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const argument = (name, fallback) => {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? process.argv[index + 1] : fallback;
};
const TRIALS = Number(argument('trials', '24'));
const OWN = Number(argument('own', '8'));
const OUT = argument('out', 'trials/generated');

let seed = 20261127;
function random() {
  // mulberry32
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (list) => list[Math.floor(random() * list.length)];
const text = (en) => ({ en });

/** Common criteria over bank questions: [bank ids it reads, kind, registry text, rule]. */
const COMMON = [
  () => { const most = pick([1, 2]); return [['ecog'], 'inclusion', `ECOG performance status 0 to ${most}`, { question: 'ecog', op: '<=', value: most }]; },
  () => { const least = pick([1, 1.5]); return [['neutrophils'], 'inclusion', `ANC ≥ ${least} × 10⁹/L`, { question: 'neutrophils', op: '>=', value: least, unit: 'x10^9/L' }]; },
  () => { const least = pick([50, 75, 100]); return [['platelets'], 'inclusion', `Platelets ≥ ${least} × 10⁹/L`, { question: 'platelets', op: '>=', value: least, unit: 'x10^9/L' }]; },
  () => { const least = pick([80, 90, 100]); return [['haemoglobin'], 'inclusion', `Haemoglobin ≥ ${least} g/L`, { question: 'haemoglobin', op: '>=', value: least, unit: 'g/L' }]; },
  () => { const most = pick([1.5, 2, 3]); return [['alt', 'ast'], 'inclusion', `ALT and AST ≤ ${most} × ULN`, { all: [{ question: 'alt', op: '<=', value: most, unit: 'x ULN' }, { question: 'ast', op: '<=', value: most, unit: 'x ULN' }] }]; },
  () => { const most = pick([1.5, 2]); return [['creatinine_uln'], 'inclusion', `Creatinine ≤ ${most} × ULN`, { question: 'creatinine_uln', op: '<=', value: most, unit: 'x ULN' }]; },
  () => { const most = pick([1.5, 3]); return [['bilirubin_uln'], 'inclusion', `Total bilirubin ≤ ${most} × ULN`, { question: 'bilirubin_uln', op: '<=', value: most, unit: 'x ULN' }]; },
  () => [['inr'], 'inclusion', 'INR ≤ 1.5', { question: 'inr', op: '<=', value: 1.5, unit: 'ratio' }],
  () => [['hiv'], 'exclusion', 'Known HIV infection', { question: 'hiv', op: 'equals', value: true }],
  () => [['hepatitis_b', 'hepatitis_c'], 'exclusion', 'Active hepatitis B or C', { any: [{ question: 'hepatitis_b', op: 'equals', value: true }, { question: 'hepatitis_c', op: 'equals', value: true }] }],
  () => [['sex', 'pregnant_or_breastfeeding'], 'exclusion', 'Pregnant or breastfeeding', { all: [{ question: 'sex', op: 'equals', value: 'female' }, { question: 'age_years', op: '>=', value: 10 }, { question: 'pregnant_or_breastfeeding', op: 'equals', value: true }] }],
  () => { const least = pick([30, 45, 60]); return [['egfr'], 'inclusion', `eGFR ≥ ${least} mL/min/1.73 m²`, { question: 'egfr', op: '>=', value: least, unit: 'mL/min/1.73m2' }]; },
];

rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
const files = [];
for (let number = 1; number <= TRIALS; number += 1) {
  const id = `generated-${String(number).padStart(2, '0')}`;
  const minimum = pick([18, 18, 16, 12]);
  const maximum = pick([65, 70, 75, 80, null]);
  const criteria = [{
    id: 'inc_age', kind: 'inclusion', label: '1', registry_text: maximum ? `Aged ${minimum} to ${maximum}` : `Aged ${minimum} or over`,
    summary: text(maximum ? `Aged ${minimum} to ${maximum}` : `Aged ${minimum} or over`),
    rule: maximum ? { question: 'age_years', op: 'between', min: minimum, max: maximum } : { question: 'age_years', op: '>=', value: minimum },
  }];
  const bank = new Set(['age_years']);
  const common = [...COMMON].sort(() => random() - 0.5).slice(0, 5 + Math.floor(random() * 6));
  for (const make of common) {
    const [reads, kind, registry, rule] = make();
    reads.forEach((read) => bank.add(read));
    if (JSON.stringify(rule).includes('age_years')) bank.add('age_years');
    const label = String(criteria.filter((criterion) => criterion.kind === kind).length + 1);
    criteria.push({ id: `${kind.slice(0, 3)}_${reads.join('_')}`, kind, label, registry_text: registry, summary: text(registry), rule });
  }
  const own = [];
  for (let index = 1; index <= OWN; index += 1) {
    const question = `${id.replace('-', '_')}_condition_${index}`;
    const kind = index === 1 ? 'inclusion' : pick(['inclusion', 'exclusion']);
    own.push({ id: question, kind: 'yes_no', allow_unknown: true, text: text(`Do you have condition ${index} of generated trial ${number}?`), caregiver_text: text(`Does the patient have condition ${index} of generated trial ${number}?`) });
    const label = String(criteria.filter((criterion) => criterion.kind === kind).length + 1);
    const registry = kind === 'inclusion' ? `Condition ${index} present` : `Condition ${index} present`;
    criteria.push({ id: `${kind.slice(0, 3)}_condition_${index}`, kind, label, registry_text: registry, summary: text(registry), rule: { question, op: 'equals', value: true } });
  }
  criteria.push({ id: 'inc_consent', kind: 'inclusion', label: String(criteria.filter((criterion) => criterion.kind === 'inclusion').length + 1), registry_text: 'Able to give informed consent', summary: text('Able to give consent'), rule: { study_team_checks: true } });
  const order = ['age_years', 'sex', 'pregnant_or_breastfeeding', 'ecog', 'neutrophils', 'platelets', 'haemoglobin', 'alt', 'ast', 'creatinine_uln', 'bilirubin_uln', 'inr', 'egfr', 'hiv', 'hepatitis_b', 'hepatitis_c'];
  const definition = {
    format: 'prescreen-trial/1',
    languages: ['en'],
    trial: {
      id, title: `Generated trial ${number} (not a real study)`, plain_title: text(`Generated trial ${number} (not a real study)`),
      sponsor: 'Generated by scripts/generate-catalogue.mjs', registry_id: `GEN-${String(number).padStart(4, '0')}`,
      condition: text('Generated'), definition_version: '1.0.0', definition_date: '2026-11-27',
      source: 'Generated by scripts/generate-catalogue.mjs to show a portal at scale; not a real study',
      ages: maximum ? { min_years: minimum, max_years: maximum } : { min_years: minimum }, sex: 'all',
      contacts: [{ name: 'Generated trial team', role: text('Not a real contact'), email: 'generated@example.org' }],
    },
    questions: [...order.filter((question) => bank.has(question)).map((question) => ({ bank: question })), ...own],
    criteria,
  };
  // The pregnancy question is shown by sex and age, so they must be asked before it.
  if (bank.has('pregnant_or_breastfeeding')) bank.add('sex');
  definition.questions = [...order.filter((question) => bank.has(question)).map((question) => ({ bank: question })), ...own];
  writeFileSync(join(OUT, `${id}.json`), `${JSON.stringify(definition, null, 2)}\n`);
  files.push(`${id}.json`);
}
writeFileSync(join(OUT, 'catalogue.json'), `${JSON.stringify({ format: 'prescreen-catalogue/1', trials: files }, null, 2)}\n`);
console.log(`${OUT}: ${TRIALS} generated trials and catalogue.json`);
