// End-to-end: the portal (demo/portal.html): one widget, five trials from trials/catalogue.json,
// each shared question asked once. A whole screening is answered through the widget and every
// trial's standing is compared with `prescreen eval` on the catalogue for the same answers; the
// patient can stop at any point, open one trial's criteria, change an answer, print and download.
// After the catalogue and its trials load, nothing is requested and nothing is stored; the page
// runs under a strict Content-Security-Policy (connect-src 'self' for the catalogue); axe finds
// nothing on the new screens; it works by keyboard alone and in Chinese.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { axeViolations } from './axe.mjs';
import { ROOT, cliEvaluation, currentScreen, nextScreen, screenshot, serveAndLaunch } from './browser.mjs';

const TODAY = '2026-11-27';
const PORTAL_CSP = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; "
  + "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
const running = serveAndLaunch({ headersFor: (path) => (path === '/portal.html' ? { 'content-security-policy': PORTAL_CSP } : {}) });
const CATALOGUE = join(ROOT, 'trials', 'catalogue.json');

/** A woman of 45 answering for herself: her answers where a question asks them, else as below. */
const PROFILE = {
  age_years: 45, sex: 'female', pregnant_or_breastfeeding: false, aml_diagnosis: true, hiv: false, hepatitis_b: false,
  hepatitis_c: false, ecog: 'ecog_1', activity_adult: 'kps_80', weight: 70,
};

async function openPortal(contextOptions = {}) {
  const context = await running.browser.newContext({ acceptDownloads: true, ...contextOptions });
  const page = await context.newPage();
  await page.clock.setFixedTime(new Date(`${TODAY}T10:00:00`));
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (event) => window.__violations.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  await page.goto(`${running.server.url}portal.html`);
  await page.locator('.ps-button--start').waitFor();
  return { context, page };
}

/**
 * Answers the question on screen as the profile says, else "I don't know" where offered, else "no"
 * or the last choice (often "none of these"); returns the answer in the answers-file format.
 */
async function answerOnScreen(page, id) {
  const root = page.locator(`[data-question="${id}"]`);
  const clickLabel = async (input) => root.locator(`label[for="${await input.getAttribute('id')}"]`).click();
  const unknown = root.locator(`input[name="${id}_unknown"], input[name="${id}"][value="unknown"]`);
  const given = PROFILE[id];
  let answer;
  if (given !== undefined) {
    if (typeof given === 'number') {
      await root.locator(`input[name="${id}"]`).fill(String(given));
      const unit = root.locator(`select[name="${id}_unit"]`);
      if (await unit.count()) {
        await unit.selectOption({ index: 1 });
        answer = { value: given, unit: await unit.inputValue() };
      } else {
        answer = given;
      }
    } else {
      const value = given === true ? 'yes' : given === false ? 'no' : given;
      await clickLabel(root.locator(`input[name="${id}"][value="${value}"]`));
      answer = given;
    }
  } else if (await unknown.count()) {
    await clickLabel(unknown.first());
    answer = 'unknown';
  } else if (await root.locator(`input[name="${id}"][value="no"]`).count()) {
    await clickLabel(root.locator(`input[name="${id}"][value="no"]`));
    answer = false;
  } else {
    const choices = root.locator(`input[name="${id}"]`);
    const last = choices.last();
    const type = await last.getAttribute('type');
    const value = await last.getAttribute('value');
    await clickLabel(last);
    answer = type === 'checkbox' ? [value] : value;
  }
  await root.locator('button[type="submit"]').click();
  return answer;
}

/** Where each trial stands on the portal's standing page, by trial id. */
async function standings(page) {
  await page.locator('.ps-portal').waitFor();
  return Object.fromEntries(await page.locator('[data-trial]').evaluateAll((items) => items.map((item) => [item.dataset.trial, item.dataset.outcome])));
}

function cliStandings(answers) {
  const result = cliEvaluation(answers, CATALOGUE, TODAY);
  return Object.fromEntries(result.trials.map((trial) => [trial.trial, trial.outcome]));
}

describe('a portal of five trials', () => {
  test('a whole screening asks each question once and every trial stands as the CLI says; nothing leaves', async () => {
    const { context, page } = await openPortal();
    const serverCount = running.server.requests.length;
    const requests = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.locator('label[for="ps-respondent-patient"]').click();
    await page.locator('.ps-button--start').click();
    const answers = {};
    let screen = await nextScreen(page, null);
    while (screen && !(await page.locator('.ps-portal').count())) {
      assert.ok(!(screen in answers), `${screen} was asked twice`);
      answers[screen] = await answerOnScreen(page, screen);
      for (let attempt = 0; attempt < 200; attempt += 1) {
        if (await page.locator('.ps-portal').count()) break;
        const next = await currentScreen(page);
        if (next && next !== screen) break;
        await new Promise((done) => setTimeout(done, 25));
      }
      screen = await currentScreen(page);
    }
    const shown = await standings(page);
    assert.deepEqual(shown, cliStandings(answers));
    assert.equal(await page.getByRole('button', { name: 'Answer more questions' }).count(), 0, 'nothing left to ask');
    const separately = JSON.parse(readFileSync(CATALOGUE, 'utf8')).trials.length;
    assert.equal(Object.keys(shown).length, separately);
    // Shared questions were asked once: age and sex serve four or five trials.
    assert.ok('age_years' in answers && 'sex' in answers);
    await screenshot(page, 'portal-standing');
    // One trial's own result, with its criteria, contact, print and download.
    const trial = Object.keys(shown)[0];
    await page.locator(`[data-trial="${trial}"] button`).click();
    await page.locator('[data-outcome]').waitFor();
    assert.equal(await page.locator('[data-outcome]').getAttribute('data-outcome'), shown[trial]);
    await page.evaluate(() => { window.print = () => { window.__printed = true; }; });
    await page.getByRole('button', { name: 'Print or save as PDF' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download my answers' }).click()]);
    assert.equal(JSON.parse(readFileSync(await download.path(), 'utf8')).trial, trial);
    await page.locator('.ps-back-link').first().click();
    await page.locator('.ps-portal').waitFor();
    assert.deepEqual(requests.filter((url) => !url.startsWith('blob:')), [], 'nothing requested after load');
    assert.equal(running.server.requests.length, serverCount, 'nothing reached the server after load');
    const storage = await page.evaluate(async () => ({ cookie: document.cookie, local: localStorage.length, session: sessionStorage.length, databases: (await indexedDB.databases()).length }));
    assert.deepEqual(storage, { cookie: '', local: 0, session: 0, databases: 0 });
    assert.deepEqual(await page.evaluate(() => window.__violations), [], 'no CSP violation');
    await context.close();
  });

  test('axe finds nothing on a portal question, the standing page and a trial opened from it', async () => {
    // axe is injected as a script, which the strict policy rightly refuses: this test bypasses it.
    const { context, page } = await openPortal({ bypassCSP: true });
    await page.locator('label[for="ps-respondent-caregiver"]').click();
    await page.locator('.ps-button--start').click();
    assert.equal(await nextScreen(page, null), 'age_years');
    assert.deepEqual(await axeViolations(page), [], 'a portal question page');
    await answerOnScreen(page, 'age_years');
    await nextScreen(page, 'age_years');
    await page.getByRole('button', { name: 'See where each trial stands now' }).click();
    await page.locator('.ps-portal').waitFor();
    assert.deepEqual(await axeViolations(page), [], 'the standing page');
    await page.locator('[data-trial] button').first().click();
    await page.locator('[data-outcome]').waitFor();
    assert.deepEqual(await axeViolations(page), [], 'a trial opened from the portal');
    await context.close();
  });

  test('the patient may stop at any point, and changing an answer moves the trials', async () => {
    const { context, page } = await openPortal();
    await page.locator('label[for="ps-respondent-patient"]').click();
    await page.locator('.ps-button--start').click();
    const first = await nextScreen(page, null);
    assert.equal(first, 'age_years', 'age matters to every trial, so it comes first');
    const answers = { age_years: await answerOnScreen(page, 'age_years') };
    await nextScreen(page, 'age_years');
    await page.getByRole('button', { name: 'See where each trial stands now' }).click();
    assert.deepEqual(await standings(page), cliStandings(answers));
    // A different age: 17 is under every trial's minimum but the cystic fibrosis trial's (12–24).
    await page.locator('[data-answer-to="age_years"] a').click();
    await page.locator('[data-question="age_years"] input[name="age_years"]').fill('17');
    await page.locator('[data-question="age_years"] button[type="submit"]').click();
    const shown = await standings(page);
    assert.deepEqual(shown, cliStandings({ age_years: 17 }));
    assert.equal(shown['cd123-car-t-aml'], 'needs_review', 'the seed trial takes people aged 2 to 75');
    assert.equal(shown['actt1-remdesivir-covid19'], 'not_eligible');
    await context.close();
  });

  test('in Chinese, by keyboard alone', async () => {
    const { context, page } = await openPortal({ locale: 'zh-CN', bypassCSP: true });
    assert.match(await page.locator('[data-prescreen] h1').first().innerText(), /试验/);
    await page.keyboard.press('Tab');
    for (let presses = 0; presses < 20 && !(await page.locator('[data-question]').count()); presses += 1) {
      const focused = await page.evaluate(() => document.querySelector('[data-prescreen]').shadowRoot.activeElement?.className ?? '');
      await page.keyboard.press(focused.includes('ps-button--start') ? 'Enter' : 'Tab');
    }
    assert.equal(await currentScreen(page), 'age_years');
    await page.keyboard.press('Tab');
    await page.keyboard.type('45');
    await page.keyboard.press('Enter');
    await nextScreen(page, 'age_years');
    assert.deepEqual(await axeViolations(page), [], 'a Chinese portal question');
    await context.close();
  });
});
