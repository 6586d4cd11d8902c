// End-to-end: what the format can say since real trials needed it, through the widget, on the
// definition that uses every feature (tests/definitions/every-feature.json): date fields typed as
// people type them, a date after today checked with the patient, a reference range, criterion
// parts, what the study team will check, and values worked out from the answers. The device's
// clock is fixed at 27 November 2026, the day the definition's windows are tested on. The result
// must be what `prescreen eval` says for the same answers on the same day, and axe finds nothing.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { axeViolations } from './axe.mjs';
import { DIST, ROOT, answerQuestion, cliEvaluation, completeThroughUi, nextScreen, screenshot, serveAndLaunch } from './browser.mjs';

const DEFINITION = join(ROOT, 'tests', 'definitions', 'every-feature.json');
const TODAY = '2026-11-27';
const running = serveAndLaunch({
  handlers: {
    '/every-feature.json': (request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(readFileSync(DEFINITION));
    },
  },
});

async function openEveryFeature(viewport = { width: 1280, height: 900 }) {
  const context = await running.browser.newContext({ viewport });
  const page = await context.newPage();
  await page.clock.setFixedTime(new Date(`${TODAY}T10:00:00`));
  const html = readFileSync(join(DIST, 'index.html'), 'utf8')
    .replace('<div id="prescreen" data-prescreen data-owns-title>', '<div data-prescreen data-definition-url="/every-feature.json">');
  await page.route('**/features.html', (route) => route.fulfill({ contentType: 'text/html', body: html }));
  await page.goto(`${running.server.url}features.html`);
  await page.locator('.ps-button--start').waitFor();
  return { context, page };
}

const LIKELY = {
  date_of_birth: '1956-11-27', sex: 'male', last_treatment: '2026-11-20', diagnosis: '2026-09',
  creatinine: { value: 1.0, unit: 'mg/dL' }, weight: 72, height: 180,
  creatinine_uln: { value: 88.4, upper_limit: 100 },
  potassium: { value: 4.0, lower_limit: 3.5, upper_limit: 5.1 },
  neutrophils: { value: 1.6, lower_limit: 2.0, upper_limit: 7.5 },
};

describe('dates, ranges, parts, team checks and derived values in the widget', () => {
  test('a patient answers every kind and sees what the CLI says, the team checks and the values worked out', async () => {
    const { context, page } = await openEveryFeature();
    const shown = await completeThroughUi(page, { answers: LIKELY });
    const expected = cliEvaluation(LIKELY, DEFINITION, TODAY);
    assert.equal(shown.outcome, expected.outcome);
    assert.equal(shown.outcome, 'likely_eligible');
    for (const criterion of expected.criteria) {
      assert.equal(shown.criteria[criterion.id], criterion.status, criterion.id);
      for (const part of criterion.parts ?? []) assert.equal(shown.criteria[`${criterion.id}/${part.label}`], part.status, `${criterion.id}/${part.label}`);
    }
    // Randomization 7 to 42 days away: a treatment on 20 November is 28 days before only some of them.
    const team = await page.locator('[data-section="study-team-checks"] [data-item]').evaluateAll((items) => items.map((item) => item.dataset.item));
    assert.deepEqual(team, expected.study_team_checks);
    assert.deepEqual(team, ['inc_washout', 'inc_consent']);
    // (140 − 70) × 72 ÷ (72 × 1.0) = 70 mL/min; 72 ÷ 1.8² = 22.2.
    const worked = await page.locator('[data-section="worked-out"]').innerText();
    assert.match(worked, /Creatinine clearance: 70 mL\/min/);
    assert.match(worked, /1 mg\/dL; 1956-11-27; 72 kg; Male/);
    assert.match(worked, /Body mass index: 22\.2 kg\/m²/);
    assert.match(worked, /Age: 70 years/);
    assert.match(worked, /eGFR: 81 mL\/min\/1\.73 m²/, '142 × (1.0 ÷ 0.9)^−1.2 × 0.9938^70 = 80.97: a bracket narrower than a unit shows as one number');
    assert.deepEqual(await axeViolations(page), []);
    await screenshot(page, 'every-feature-result');
    await context.close();
  });

  test('dates are read as typed, a day the month lacks is refused, and a date after today is checked', async () => {
    const { context, page } = await openEveryFeature({ width: 320, height: 700 });
    await page.locator('label[for="ps-respondent-patient"]').click();
    await page.locator('.ps-button--start').click();
    assert.equal(await nextScreen(page, null), 'date_of_birth');
    const root = page.locator('[data-question="date_of_birth"]');
    assert.deepEqual(await axeViolations(page), [], 'the date page at 320 px');
    await root.locator('input[name="date_of_birth_day"]').fill('31');
    await root.locator('input[name="date_of_birth_month"]').fill('April');
    await root.locator('input[name="date_of_birth_year"]').fill('1980');
    await root.locator('button[type="submit"]').click();
    await root.locator('.ps-error-message').waitFor();
    assert.match(await root.locator('.ps-error-message').innerText(), /Enter a day from 1 to 30/);
    assert.equal(await root.locator('input[name="date_of_birth_day"]').getAttribute('aria-invalid'), 'true');
    assert.deepEqual(await axeViolations(page), [], 'the date page with an error');
    // Next year by a slip: asked to check, then confirmed.
    await root.locator('input[name="date_of_birth_day"]').fill('30');
    await root.locator('input[name="date_of_birth_year"]').fill('2027');
    await root.locator('button[type="submit"]').click();
    await root.locator('input[name="date_of_birth_confirm"]').waitFor();
    assert.match(await root.locator('.ps-error-message').innerText(), /after today/);
    await root.locator('input[name="date_of_birth_year"]').fill('１９８０');
    await root.locator('button[type="submit"]').click();
    assert.equal(await nextScreen(page, 'date_of_birth'), 'sex');
    await context.close();
  });

  test('a month-only date near a window edge and a reference range are answered, and the page reads well', async () => {
    const { context, page } = await openEveryFeature();
    await page.locator('label[for="ps-respondent-caregiver"]').click();
    await page.locator('.ps-button--start').click();
    let screen = await nextScreen(page, null);
    const answers = { ...LIKELY, date_of_birth: '1951-11', last_treatment: '2026-10-01', creatinine: { value: 1.09, unit: 'mg/dL' } };
    while (screen !== 'check' && screen !== 'result' && screen !== 'look-back') {
      if (screen === 'potassium') assert.deepEqual(await axeViolations(page), [], 'the reference-range page');
      await answerQuestion(page, screen, answers[screen]);
      screen = await nextScreen(page, screen);
    }
    await page.locator('.ps-check-answers').waitFor();
    const rows = await page.locator('.ps-check-answers dd').allInnerTexts();
    assert.ok(rows.some((row) => row.includes('1951-11 (day not known)')), rows.join(' | '));
    assert.ok(rows.some((row) => row.includes('4 mmol/L (lower limit of normal 3.5 mmol/L, upper limit of normal 5.1 mmol/L)')), rows.join(' | '));
    await page.locator('.ps-check-answers .ps-button').click();
    await page.locator('[data-outcome]').waitFor();
    // Born in November 1951: 74 or 75, so with creatinine 1.09 mg/dL a clearance of 60.6 or 59.6:
    // on either side of 60, which the study team checks. Everything else is met.
    const expected = cliEvaluation(answers, DEFINITION, TODAY);
    assert.equal(await page.locator('[data-outcome]').getAttribute('data-outcome'), expected.outcome);
    assert.equal(expected.outcome, 'likely_eligible');
    assert.equal(await page.locator('[data-criterion="inc_organ/a"]').getAttribute('data-status'), 'study_team_checks');
    const team = await page.locator('[data-section="study-team-checks"] [data-item]').evaluateAll((items) => items.map((item) => item.dataset.item));
    assert.deepEqual(team, ['inc_organ/a', 'inc_consent']);
    assert.match(await page.locator('[data-section="worked-out"]').innerText(), /Creatinine clearance: between 59 and 61 mL\/min/);
    assert.deepEqual(await axeViolations(page), [], 'the result with parts and team checks');
    await context.close();
  });
});
