// End-to-end: the real trials on their demonstration page (demo/real-trials.html), four widgets
// each loading its definition once, and patient cases from tests/trial-cases/ completed through
// the widget with the device's clock at the case's day, each compared with `prescreen eval` on the
// same day: one trial in Chinese, three in English. A draft straight from `prescreen import` runs
// in the widget too, every registry criterion listed for the study team.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { axeViolations } from './axe.mjs';
import { DIST, ROOT, cliEvaluation, completeThroughUi, serveAndLaunch } from './browser.mjs';

const DRAFT_RECORD = join(ROOT, 'tests', 'registry-records', 'NCT06408259.json');
const running = serveAndLaunch({
  handlers: {
    '/imported-draft.json': (request, response) => {
      const draft = execFileSync(join(ROOT, 'target', 'debug', 'prescreen'), ['import', DRAFT_RECORD, '--today', '2026-11-27']);
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(draft);
    },
  },
});

function trialCase(trial, name) {
  return JSON.parse(readFileSync(join(ROOT, 'tests', 'trial-cases', trial, `${name}.json`), 'utf8'));
}

async function openRealTrials(today, contextOptions = {}) {
  const context = await running.browser.newContext(contextOptions);
  const page = await context.newPage();
  if (today) await page.clock.setFixedTime(new Date(`${today}T10:00:00`));
  await page.goto(`${running.server.url}real-trials.html`);
  for (const id of ['widget-actt1', 'widget-cf', 'widget-psilocybin', 'widget-tcr-t']) {
    await page.locator(`#${id} .ps-button--start`).waitFor();
  }
  return { context, page };
}

/** Completes `trialCase` in the widget `#id` and checks it against the CLI on the case's day. */
async function agreesWithTheCli(page, id, trial, seed) {
  const shown = await completeThroughUi(page.locator(`#${id}`), seed);
  const expected = cliEvaluation(seed.answers, join(ROOT, 'trials', `${trial}.json`), seed.today);
  assert.equal(shown.outcome, expected.outcome, `${trial}: outcome`);
  assert.equal(shown.outcome, seed.expected.outcome, `${trial}: the case's expected outcome`);
  // Once the answers rule a patient out, the widget asks nothing more, so only the criteria that
  // rule them out are compared; otherwise every criterion and part is.
  const rulesOut = (criterion) => (criterion.kind === 'inclusion' && criterion.status === 'not_met') || (criterion.kind === 'exclusion' && criterion.status === 'met');
  for (const criterion of expected.criteria.filter((criterion) => shown.outcome !== 'not_eligible' || rulesOut(criterion))) {
    assert.equal(shown.criteria[criterion.id], criterion.status, `${trial}: ${criterion.id}`);
    // A part of a decided criterion may be left unasked (the other parts decided it): the widget
    // shows it as not needed, and the CLI, which has every answer, decides it.
    const decided = criterion.status === 'met' || criterion.status === 'not_met';
    for (const part of criterion.parts ?? []) {
      const label = `${criterion.id}/${part.label}`;
      if (!(decided && shown.criteria[label] === 'unknown')) assert.equal(shown.criteria[label], part.status, `${trial}: ${label}`);
    }
  }
  const team = await page.locator(`#${id} [data-section="study-team-checks"] [data-item]`).evaluateAll((items) => items.map((item) => item.dataset.item));
  assert.deepEqual(team, shown.outcome === 'not_eligible' ? [] : expected.study_team_checks, `${trial}: what the study team will check`);
  return shown;
}

describe('the real trials on their demonstration page', () => {
  test('four widgets load their definitions once, then nothing is requested; axe finds nothing', async () => {
    const { context, page } = await openRealTrials(null);
    const requested = running.server.requests.map((request) => request.url);
    for (const trial of ['actt1-remdesivir-covid19', 'cf-prediabetes-repaglinide', 'psi-1v2-psilocybin-depression', 'tcr-t-kras-solid-tumours']) {
      assert.equal(requested.filter((url) => url === `/trials/${trial}.json`).length, 1, trial);
    }
    assert.deepEqual(await axeViolations(page), []);
    await context.close();
  });

  test('a TCR-T case in Chinese and an ACTT-1 case in English agree with the CLI', async () => {
    const tcr = trialCase('tcr-t-kras-solid-tumours', '01_eligible_pancreatic_every_limit_on_the_line');
    const { context, page } = await openRealTrials(tcr.today, { locale: 'zh-CN' });
    assert.equal(await page.locator('#widget-tcr-t [lang="zh-Hans"]').first().count(), 1, 'the widget speaks Chinese');
    await agreesWithTheCli(page, 'widget-tcr-t', 'tcr-t-kras-solid-tumours', tcr);
    await context.close();
    const actt = trialCase('actt1-remdesivir-covid19', '02_woman_99_every_limit_on_the_line');
    const english = await openRealTrials(actt.today);
    await agreesWithTheCli(english.page, 'widget-actt1', 'actt1-remdesivir-covid19', actt);
    assert.deepEqual(await axeViolations(english.page), [], 'a result with parts and team checks');
    await english.context.close();
  });

  test('a CF case answered by a parent and a psilocybin case agree with the CLI', async () => {
    const cf = { ...trialCase('cf-prediabetes-repaglinide', '01_typical_impaired_glucose_tolerance'), respondent: 'caregiver' };
    const { context, page } = await openRealTrials(cf.today);
    await agreesWithTheCli(page, 'widget-cf', 'cf-prediabetes-repaglinide', cf);
    const psilocybin = trialCase('psi-1v2-psilocybin-depression', '03_age_66');
    await agreesWithTheCli(page, 'widget-psilocybin', 'psi-1v2-psilocybin-depression', psilocybin);
    await context.close();
  });

  test('a draft straight from prescreen import runs, listing every registry criterion for the study team', async () => {
    const context = await running.browser.newContext();
    const page = await context.newPage();
    const html = readFileSync(join(DIST, 'index.html'), 'utf8')
      .replace('<div id="prescreen" data-prescreen data-owns-title>', '<div data-prescreen data-definition-url="/imported-draft.json">');
    await page.route('**/draft.html', (route) => route.fulfill({ contentType: 'text/html', body: html }));
    await page.goto(`${running.server.url}draft.html`);
    const shown = await completeThroughUi(page, { answers: { age_years: 12 } });
    assert.deepEqual(shown.asked, ['age_years'], 'the draft asks only the age');
    assert.equal(shown.outcome, 'likely_eligible');
    const team = await page.locator('[data-section="study-team-checks"] [data-item]').count();
    const draft = JSON.parse(execFileSync(join(ROOT, 'target', 'debug', 'prescreen'), ['import', DRAFT_RECORD, '--today', '2026-11-27'], { encoding: 'utf8' }));
    const registryItems = draft.criteria.filter((criterion) => criterion.id !== 'age').reduce((sum, criterion) => sum + (criterion.parts?.length ?? 1), 0);
    assert.equal(team, registryItems);
    assert.deepEqual(await axeViolations(page), []);
    await context.close();
  });
});
