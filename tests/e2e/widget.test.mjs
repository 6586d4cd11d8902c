// End-to-end: the release build in headless Chromium, answered through the real UI.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, ROOT, SCREENSHOTS, cliEvaluation, completeThroughUi, focusedInWidget, screenshot, seedCase, serveAndLaunch, widgetsLoaded } from './browser.mjs';

const running = serveAndLaunch();
before(() => console.log(`screenshots: ${SCREENSHOTS}`));

/** Opens the widget and waits until its start screen is interactive. */
async function openWidget(options = {}) {
  const context = await running.browser.newContext({ viewport: { width: 1024, height: 900 }, acceptDownloads: true, ...options });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
  await page.goto(running.server.url);
  await page.getByRole('button', { name: 'Start' }).waitFor();
  return { context, page, errors };
}

const CASES = [
  'eligible_woman',                        // likely eligible, creatinine entered in mg/dL
  'eligible_man_bilirubin_exactly_2_mgdl', // likely eligible, bilirubin on the limit in mg/dL
  'child_aged_2_caregiver',                // a parent answering for a child: Lansky scale
  'kps_60',                                // not eligible: performance
  'creatinine_2_5_mgdl',                   // not eligible only once mg/dL is converted
  'age_76',                                // not eligible, decided at the first question
  'pregnant',                              // not eligible: exclusion
  'cd123_unknown',                         // needs review
  'labs_unknown',                          // needs review: several unknowns
  'gvhd_after_transplant',                 // follow-up question shown only after a transplant
];

describe('completing the seed questionnaire through the UI', () => {
  for (const name of CASES) {
    test(`${name}: the outcome shown equals prescreen eval`, async () => {
      const seed = seedCase(name);
      const { context, page, errors } = await openWidget();
      const shown = await completeThroughUi(page, seed);
      const reference = cliEvaluation(seed.answers);
      assert.equal(shown.outcome, reference.outcome, `${name}: widget says ${shown.outcome}, CLI says ${reference.outcome}`);
      assert.equal(shown.outcome, seed.expected.outcome);
      // Every criterion the widget decided must agree with the CLI on the full answers; the widget
      // may leave some unknown when it stopped early because the outcome was already decided.
      for (const { id, status } of reference.criteria) {
        const onScreen = shown.criteria[id];
        assert.ok(onScreen, `${id} is missing from the result page`);
        if (onScreen !== 'unknown' || shown.outcome !== 'not_eligible') {
          assert.equal(onScreen, status, `${name}: ${id} shows ${onScreen}, CLI says ${status}`);
        }
      }
      if (name === 'age_76') assert.deepEqual(shown.asked, ['age_years'], 'stops asking once the outcome is decided');
      if (name === 'child_aged_2_caregiver') {
        assert.ok(shown.asked.includes('activity_child') && !shown.asked.includes('activity_adult'));
        assert.ok(!shown.asked.includes('pregnant_or_breastfeeding'), 'no pregnancy question for a 2-year-old');
      }
      if (name === 'gvhd_after_transplant') assert.ok(shown.asked.includes('gvhd'));
      if (name === 'eligible_woman') assert.ok(!shown.asked.includes('gvhd'), 'no GVHD question without a transplant');
      await screenshot(page, `result-${shown.outcome}-${name}`);
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
});

describe('privacy: nothing leaves the device', () => {
  test('no request after load while answering, printing and downloading; no storage written', async () => {
    const { context, page } = await openWidget();
    await widgetsLoaded(page);
    const browserRequests = [];
    page.on('request', (request) => browserRequests.push(request.url()));
    const serverRequestsAtLoad = running.server.requests.length;
    const shown = await completeThroughUi(page, seedCase('eligible_woman'));
    assert.equal(shown.outcome, 'likely_eligible');
    await page.evaluate(() => { window.print = () => { window.__printed = true; }; });
    await page.getByRole('button', { name: 'Print or save as PDF' }).click();
    assert.equal(await page.evaluate(() => window.__printed), true, 'print was asked for');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download my answers' }).click(),
    ]);
    const saved = JSON.parse(readFileSync(await download.path(), 'utf8'));
    assert.equal(saved.outcome, 'likely_eligible');
    assert.match(await page.locator('.ps-result').innerText(), /The downloaded file is for the study team's computer\. To keep a copy you can read, choose "Print or save as PDF"/);
    assert.deepEqual(saved.answers.creatinine, { value: 1.2, unit: 'mg/dL' });
    await page.waitForTimeout(300);
    assert.deepEqual(browserRequests.filter((url) => !url.startsWith('blob:')), [], 'browser made no request');
    assert.equal(running.server.requests.length, serverRequestsAtLoad, 'server saw no request after load');
    assert.doesNotMatch(page.url(), /[?#]./, 'no answer in the URL');
    const storage = await page.evaluate(async () => ({
      cookie: document.cookie,
      local: localStorage.length,
      session: sessionStorage.length,
      databases: (await indexedDB.databases()).length,
    }));
    assert.deepEqual(storage, { cookie: '', local: 0, session: 0, databases: 0 });
    assert.deepEqual(await context.cookies(), []);
    await context.close();
  });

  test('start over wipes every answer', async () => {
    const { context, page } = await openWidget();
    await completeThroughUi(page, seedCase('kps_60'));
    await page.getByRole('button', { name: 'Start over' }).click();
    await page.getByRole('button', { name: 'Start' }).click();
    const age = page.locator('input[name="age_years"]');
    assert.equal(await age.inputValue(), '', 'the first answer is gone');
    await context.close();
  });
});

describe('question pages', () => {
  test('a bad number gets a message by the field and a summary that links to it; nothing is lost', async () => {
    const { context, page } = await openWidget();
    await page.getByRole('button', { name: 'Start' }).click();
    await page.locator('input[name="age_years"]').fill('forty');
    await page.getByRole('button', { name: 'Continue' }).click();
    const summary = page.locator('.ps-error-summary');
    await summary.waitFor();
    assert.match((await focusedInWidget(page))?.className ?? '', /ps-error-summary/, 'summary takes focus');
    assert.match(await summary.innerText(), /There is a problem/);
    assert.match(await page.locator('.ps-error-message').innerText(), /Enter a number/);
    const described = await page.locator('input[name="age_years"]').getAttribute('aria-describedby');
    assert.ok(described.includes('ps-age_years-error'));
    assert.equal(await page.locator('input[name="age_years"]').inputValue(), 'forty', 'what was typed is kept');
    await screenshot(page, 'question-error');
    await summary.getByRole('link').click();
    assert.equal((await focusedInWidget(page))?.name, 'age_years', 'link focuses the field');
    await page.locator('input[name="age_years"]').fill('４５');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.locator('[data-question="sex"]').waitFor();
    await context.close();
  });

  test('an answer given in the same task as Continue counts (autofill, assistive tools)', async () => {
    const { context, page } = await openWidget();
    await page.getByRole('button', { name: 'Start' }).click();
    await page.locator('[data-question="age_years"]').waitFor();
    // No microtask runs between the change and the press, so the page has not re-rendered yet: a
    // fresh page (age) and a page patched from the one before (sex).
    const answerAndContinue = (field) => page.evaluate((field) => {
      const root = document.querySelector('[data-prescreen]').shadowRoot;
      if (field.type === 'text') {
        const input = root.querySelector(`input[name="${field.name}"]`);
        input.value = field.value;
        input.dispatchEvent(new InputEvent('input', { bubbles: true }));
      } else {
        root.querySelector(`input[name="${field.name}"][value="${field.value}"]`).click();
      }
      root.querySelector('button[type="submit"]').click();
    }, field);
    await answerAndContinue({ type: 'text', name: 'age_years', value: '45' });
    await page.locator('[data-question="sex"]').waitFor();
    assert.equal(await page.locator('.ps-error-summary').count(), 0);
    await answerAndContinue({ type: 'radio', name: 'sex', value: 'female' });
    await page.locator('[data-question]:not([data-question="sex"])').waitFor();
    assert.equal(await page.locator('.ps-error-summary').count(), 0);
    await page.getByRole('link', { name: 'Back' }).click();
    await page.locator('[data-question="sex"]').waitFor();
    assert.equal(await page.locator('input[name="sex"][value="female"]').isChecked(), true, 'the answer was kept');
    await context.close();
  });

  test('an out-of-range lab value is explained, and Back keeps answers', async () => {
    const { context, page } = await openWidget();
    await screenshot(page, 'start');
    const seed = seedCase('eligible_woman');
    let sawBilirubin = false;
    await completeThroughUi(page, seed, {
      onQuestion: async (id) => {
        if (id !== 'bilirubin' || sawBilirubin) return;
        sawBilirubin = true;
        await screenshot(page, 'question-lab-value');
        await page.locator('select[name="bilirubin_unit"]').selectOption('umol/L');
        await page.locator('input[name="bilirubin"]').fill('5000');
        await page.getByRole('button', { name: 'Continue' }).click();
        assert.match(await page.locator('.ps-error-message').innerText(), /no higher than 1000/);
        await page.locator('input[name="bilirubin"]').fill('');
        // Back, then forward again: the earlier answer is still there.
        await page.getByRole('link', { name: 'Back' }).click();
        const previous = page.locator('[data-question="ast"]');
        await previous.waitFor();
        assert.equal(await page.locator('input[name="ast"]').inputValue(), '28');
        await page.getByRole('button', { name: 'Continue' }).click();
        await page.locator('[data-question="bilirubin"]').waitFor();
      },
    });
    assert.ok(sawBilirubin);
    await context.close();
  });

  test('check your answers lists the answers with Change links that return there', async () => {
    const { context, page } = await openWidget();
    const seed = seedCase('eligible_woman');
    const result = await completeThroughUi(page, seed);
    assert.equal(result.outcome, 'likely_eligible');
    await page.getByRole('button', { name: 'Change answers' }).click();
    await page.locator('.ps-check-answers').waitFor();
    await screenshot(page, 'check-answers');
    const rows = await page.locator('.ps-summary-list__row').count();
    assert.equal(rows, result.asked.length, 'one row per question asked');
    await page.getByRole('link', { name: /Change.*serum creatinine/ }).click();
    assert.equal(await page.locator('input[name="creatinine"]').inputValue(), '1.2');
    await page.locator('select[name="creatinine_unit"]').selectOption('umol/L');
    await page.locator('input[name="creatinine"]').fill('220');
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.locator('.ps-check-answers').waitFor();
    await page.getByRole('button', { name: 'See the result' }).click();
    assert.equal(await page.locator('[data-outcome]').getAttribute('data-outcome'), 'not_eligible');
    await page.emulateMedia({ media: 'print' });
    await screenshot(page, 'print-preview');
    assert.equal(await page.locator('.ps-button-group').isVisible(), false, 'no buttons on paper');
    assert.equal(await page.locator('.ps-print-header').isVisible(), true, 'date and definition version on paper');
    await context.close();
  });

  test('fits a 320 px wide phone without horizontal scrolling', async () => {
    const { context, page } = await openWidget({ viewport: { width: 320, height: 640 } });
    await screenshot(page, 'start-320px');
    await page.getByRole('button', { name: 'Start' }).click();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.equal(overflow, 0);
    await context.close();
  });
});

describe('definitions loaded from the host', () => {
  /** Serves the demo page with the widget pointed at `definition`, through Playwright routes. */
  async function openWithDefinition(definition) {
    const context = await running.browser.newContext();
    const page = await context.newPage();
    const demo = readFileSync(join(DIST, 'index.html'), 'utf8')
      .replace('<div id="prescreen" data-prescreen data-owns-title>', '<div data-prescreen data-definition-url="/trial-under-test.json">');
    await page.route('**/hosted.html', (route) => route.fulfill({ contentType: 'text/html', body: demo }));
    await page.route('**/trial-under-test.json', (route) => route.fulfill({ contentType: 'application/json', body: definition }));
    await page.goto(`${running.server.url}hosted.html`);
    return { context, page };
  }

  test('a valid definition file is fetched once and screened', async () => {
    const minimal = readFileSync(join(ROOT, 'tests', 'definitions', 'minimal.json'), 'utf8');
    const { context, page } = await openWithDefinition(minimal);
    await page.getByRole('heading', { name: 'An example trial' }).waitFor();
    await page.getByRole('button', { name: 'Start' }).click();
    await page.locator('input[name="age_years"]').fill('70');
    await page.getByRole('button', { name: 'Continue' }).click();
    // The answer that rules the patient out is shown again before the result.
    await page.getByRole('button', { name: 'See the result' }).click();
    await page.locator('[data-outcome="not_eligible"]').waitFor();
    await context.close();
  });

  test('a broken definition shows a calm message and every problem for the coordinator', async () => {
    const broken = readFileSync(join(ROOT, 'tests', 'definitions', 'broken', 'several_problems_at_once.json'), 'utf8');
    const { context, page } = await openWithDefinition(broken);
    const alert = page.locator('.ps-broken');
    await alert.waitFor();
    assert.match(await alert.innerText(), /cannot be shown right now/);
    await alert.getByText('Details for the trial coordinator').click();
    const problems = await alert.locator('li').allInnerTexts();
    assert.equal(problems.length, 4);
    assert.ok(problems.includes('criteria[1].rule.question: unknown question "lvef"'), problems.join('\n'));
    await screenshot(page, 'definition-broken');
    await context.close();
  });
});
