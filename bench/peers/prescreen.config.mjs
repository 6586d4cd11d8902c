// The peer harness's page list plus Prescreen. Copied next to the harness's own peers.config.mjs in
// the scratch copy (target/peer-bench) by bench/peers.sh, so the imports below resolve there.
import peers from './peers.config.mjs';
import { answersOf } from './lib/scenarios.mjs';
import { plainPagedSteps } from './plain-paged.mjs';

// Prescreen asks one question per page, in the seed definition's own words and shapes, so the
// harness's scenario (25 form fields) is translated to Prescreen's questions here. Where the two
// questionnaires ask differently, the answer is the one the scenario implies:
//   KPS as a number        -> the Karnofsky step with that value (80 -> kps_80)
//   ALT/AST as x ULN       -> an ALT and an AST result against an upper limit of 40 U/L
//   "immune" (one yes/no)  -> the conflicting-conditions checklist, "none of these" when no
//   "gvhd" (one yes/no)    -> "had a donor transplant?" no (the GVHD question then is not asked)
//   "hiv" (one yes/no)     -> the other-situations checklist, "none of these" when no
//   "willing" (one yes/no) -> willing to consent, and willing to follow the visit schedule
// and the one question the peers do not ask, serious mental illness, is answered no.
const UPPER_LIMIT = 40;
const TO_UMOL = { bili: 17.1, creat: 88.4 }; // mg/dL -> µmol/L, as in the seed definition

const radio = (name, value) => ({ op: 'click', sel: `input[type="radio"][name="${name}"][value="${value}"]` });
const check = (name, value) => ({ op: 'click', sel: `input[type="checkbox"][name="${name}"][value="${value}"]` });
const fill = (name, value) => ({ op: 'fill', sel: `input[name="${name}"]`, value });
const unit = (name, value) => ({ op: 'choose', sel: `select[name="${name}_unit"]`, value });
const times = (ratio) => Number((ratio * UPPER_LIMIT).toFixed(4));
const umol = (a, id) => a[id] * (a[`${id}_unit`] === 'mg/dL' ? TO_UMOL[id] : 1);

// Prescreen's pages for a scenario: [question answered, steps, whether this answer rules the
// patient out]. Prescreen stops asking as soon as one answer rules the patient out (nothing else
// could change the outcome) and shows the answers that decided it before the result, so the steps
// stop there too.
function pages(a) {
  const v = Object.fromEntries([...answersOf(a)].map(([id, , value]) => [id, value]));
  const yes = (id) => (v[id] === 'yes' ? 'yes' : 'no');
  const out = [
    ['age_years', [fill('age_years', v.age)], v.age < 2 || v.age > 75],
    ['sex', [radio('sex', v.sex)], false],
    ['aml_diagnosis', [radio('aml_diagnosis', yes('aml'))], v.aml !== 'yes'],
    ['aml_course', (v.rr ?? []).map((x) => check('aml_course', x)), !(v.rr ?? []).length],
    ['cd123_positive', [radio('cd123_positive', yes('cd123'))], v.cd123 !== 'yes'],
    ['activity_adult', [radio('activity_adult', v.kps_dk ? 'unknown' : `kps_${v.kps}`)], !v.kps_dk && v.kps <= 60],
    ['life_expectancy', [radio('life_expectancy', v.life_exp === 'yes' ? 'more_than_3_months' : 'three_months_or_less')], v.life_exp !== 'yes'],
    ['lvef_percent', v.lvef_dk ? [check('lvef_percent_unknown', 'unknown')] : [fill('lvef_percent', v.lvef)], !v.lvef_dk && v.lvef < 40],
    ['alt', [fill('alt', times(v.alt_ast)), fill('alt_upper_limit', UPPER_LIMIT)], v.alt_ast >= 5],
    ['ast', [fill('ast', times(v.alt_ast)), fill('ast_upper_limit', UPPER_LIMIT)], v.alt_ast >= 5],
    ['bilirubin', [fill('bilirubin', v.bili), unit('bilirubin', v.bili_unit)], umol(v, 'bili') > 34.2 + 1e-9],
    ['creatinine', [fill('creatinine', v.creat), unit('creatinine', v.creat_unit)], umol(v, 'creat') >= 220 - 1e-9],
    ['oxygen_saturation_percent', [fill('oxygen_saturation_percent', v.spo2)], v.spo2 < 92],
    ['conflicting_conditions', [check('conflicting_conditions', v.immune === 'yes' ? 'autoimmune_disease' : 'none_of_these')], v.immune === 'yes'],
    ['other_cancer', [radio('other_cancer', yes('other_cancer'))], v.other_cancer === 'yes'],
    ['uncontrolled_infection', [radio('uncontrolled_infection', yes('infection'))], v.infection === 'yes'],
    ['needs_steroids', [radio('needs_steroids', yes('steroids'))], v.steroids === 'yes'],
    ['had_donor_transplant', [radio('had_donor_transplant', yes('gvhd'))], false],
    ...(v.gvhd === 'yes' ? [['gvhd', [radio('gvhd', 'yes')], true]] : []),
    ['t_cell_inhibitor', [radio('t_cell_inhibitor', yes('tcell'))], v.tcell === 'yes'],
    ...(v.sex === 'female' && v.age >= 10 ? [['pregnant_or_breastfeeding', [radio('pregnant_or_breastfeeding', yes('pregnant'))], v.pregnant === 'yes']] : []),
    ['other_situations', [check('other_situations', v.hiv === 'yes' ? 'hiv' : 'none_of_these')], v.hiv === 'yes'],
    ['serious_mental_illness', [radio('serious_mental_illness', 'no')], false],
    ['willing_to_consent', [radio('willing_to_consent', yes('willing'))], v.willing !== 'yes'],
    ['willing_to_follow_schedule', [radio('willing_to_follow_schedule', yes('willing'))], v.willing !== 'yes'],
  ];
  const end = out.findIndex(([, , rulesOut]) => rulesOut);
  return { pages: end < 0 ? out : out.slice(0, end + 1), ruledOut: end >= 0 };
}

const CONTINUE = { op: 'click', sel: 'button[type="submit"]' };

/** The harness's step plan for Prescreen: start, every page with its Continue, then the result:
 * from the check-your-answers page, or, for a patient the answers rule out, from the page that
 * shows the answers that decided it (the look back before "not eligible"). */
export function prescreenSteps(a) {
  const steps = [radio('respondent', 'ps-respondent-patient'), CONTINUE];
  const { pages: asked, ruledOut } = pages(a);
  for (const [q, answer] of asked) steps.push(...answer.map((s) => ({ q, ...s })), { q, ...CONTINUE });
  const last = ruledOut ? '.ps-look-back button.ps-button' : '.ps-check-answers button.ps-button';
  steps.push({ op: 'click', sel: last, submit: true });
  // The bench page writes the widget's opt-in outcome event into #result, in the peers' words.
  return { steps, result: { sel: '#result', text: a.expected } };
}

const prescreen = (name, root) => ({
  name,
  root,
  firstInput: 'input[name="respondent"]',
  // --verify answers a not-eligible scenario by answering the eligible one, then changing single
  // fields in place; a paged questionnaire changes an answer through "check your answers"
  // instead, so no plan is offered for that (page is null) and --verify answers every scenario
  // from the start.
  answerAll: (page, h, a) => (page === null ? null : h.run(page, prescreenSteps(a))),
});

// `bench/peers.sh --before DIST` adds an earlier build as one more page, measured interleaved
// with the others in the same run: a lever's before and after.
export default [
  ...peers,
  // The floor for a one-question-per-page form: the plain page paged by bench/peers/paged.js. Like
  // Prescreen it offers --verify no in-place change (a question's page is gone once answered).
  { name: 'plain-paged', root: 'plain-paged-site', firstInput: 'input[name="respondent"]',
    answerAll: (page, h, a) => (page === null ? null : h.run(page, plainPagedSteps(a))) },
  ...(process.env.PRESCREEN_BEFORE ? [prescreen('prescreen-before', 'prescreen-before-site')] : []),
  prescreen('prescreen', 'prescreen-site'),
];
