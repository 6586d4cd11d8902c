// Accessibility: axe-core on every screen type at phone and desktop widths, and the whole
// questionnaire completed with the keyboard alone.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { axeViolations } from './axe.mjs';
import { completeThroughUi, screenshot, seedCase, serveAndLaunch } from './browser.mjs';

const running = serveAndLaunch();

for (const [label, viewport] of [['320 px', { width: 320, height: 700 }], ['desktop', { width: 1280, height: 900 }]]) {
  describe(`axe-core finds nothing at ${label}`, () => {
    test('on every screen type', async () => {
      const context = await running.browser.newContext({ viewport });
      const page = await context.newPage();
      await page.goto(running.server.url);
      await page.getByRole('button', { name: 'Start' }).waitFor();
      const screens = {};
      screens.start = await axeViolations(page);
      await page.getByRole('button', { name: 'Start' }).click();
      await page.locator('[data-question="age_years"]').waitFor();
      screens['question: age'] = await axeViolations(page);
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.locator('.ps-error-summary').waitFor();
      screens['question with errors'] = await axeViolations(page);
      // Walk one case from the start, checking every question kind on the way.
      await page.goto(running.server.url);
      const seen = new Set();
      const result = await completeThroughUi(page, seedCase('eligible_woman'), {
        onQuestion: async (id) => {
          const kind = await page.locator(`[data-question="${id}"] input`).first().getAttribute('type');
          const key = `question: ${id} (${kind})`;
          if (['sex', 'aml_diagnosis', 'aml_course', 'lvef_percent', 'alt', 'bilirubin'].includes(id) && !seen.has(key)) {
            seen.add(key);
            screens[key] = await axeViolations(page);
          }
        },
      });
      assert.equal(result.outcome, 'likely_eligible');
      screens['result: likely eligible'] = await axeViolations(page);
      await page.getByRole('button', { name: 'Change answers' }).click();
      await page.locator('.ps-check-answers').waitFor();
      screens['check answers'] = await axeViolations(page);
      for (const name of ['kps_60', 'cd123_unknown']) {
        await page.goto(running.server.url);
        await completeThroughUi(page, seedCase(name), {
          onLookBack: async () => { screens['look back before not eligible'] = await axeViolations(page); },
        });
        screens[`result: ${name}`] = await axeViolations(page);
      }
      // A number with no unit picked, and then a value far from what reports show.
      await page.goto(running.server.url);
      await completeThroughUi(page, seedCase('eligible_woman'), {
        onQuestion: async (id) => {
          if (id !== 'creatinine') return;
          await page.locator('input[name="creatinine"]').fill('2.5');
          await page.getByRole('button', { name: 'Continue' }).click();
          await page.locator('.ps-error-summary').waitFor();
          screens['question: no unit picked'] = await axeViolations(page);
          await page.locator('select[name="creatinine_unit"]').selectOption('umol/L');
          await page.getByRole('button', { name: 'Continue' }).click();
          await page.locator('input[name="creatinine_confirm"]').waitFor();
          screens['question: unusual value to confirm'] = await axeViolations(page);
        },
      });
      const failures = Object.entries(screens).filter(([, violations]) => violations.length);
      assert.deepEqual(failures, [], JSON.stringify(failures, null, 2));
      assert.ok(Object.keys(screens).length >= 15, `checked ${Object.keys(screens).length} screens`);
      await context.close();
    });
  });
}

/** The focused element inside the widget's shadow root. */
const focused = (page) => page.evaluate(() => {
  const element = document.querySelector('[data-prescreen]').shadowRoot.activeElement;
  return element && { tag: element.tagName.toLowerCase(), name: element.getAttribute('name'), value: element.value,
    type: element.getAttribute('type'), checked: element.checked, text: element.textContent.trim(), id: element.id };
});

async function tabUntil(page, matches, description) {
  for (let presses = 0; presses < 40; presses += 1) {
    await page.keyboard.press('Tab');
    const element = await focused(page);
    if (element && matches(element)) return element;
  }
  throw new Error(`Tab never reached ${description}`);
}

describe('keyboard only', () => {
  test('completes the questionnaire with Tab, arrow keys, Space and Enter', async () => {
    const context = await running.browser.newContext({ viewport: { width: 1024, height: 800 } });
    const page = await context.newPage();
    await page.goto(running.server.url);
    await page.getByRole('button', { name: 'Start' }).waitFor();
    const seed = seedCase('eligible_woman');
    await tabUntil(page, (element) => element.name === 'respondent', 'the respondent choice');
    await tabUntil(page, (element) => element.tag === 'button' && element.text === 'Start', 'Start');
    await page.keyboard.press('Enter');
    const asked = [];
    for (let step = 0; step < 40; step += 1) {
      await page.waitForTimeout(60);
      const id = await page.locator('[data-question]').getAttribute('data-question', { timeout: 2000 }).catch(() => null);
      if (!id) break;
      asked.push(id);
      const start = await focused(page);
      assert.equal(start?.tag, 'h1', `${id}: focus starts on the question heading`);
      const value = seed.answers[id];
      if (typeof value === 'number') {
        await tabUntil(page, (element) => element.name === id, `${id}'s field`);
        await page.keyboard.type(String(value));
      } else if (value === true || value === false || typeof value === 'string') {
        const wanted = value === true ? 'yes' : value === false ? 'no' : value;
        await tabUntil(page, (element) => element.name === id, `${id}'s choices`);
        // Tab enters the group on its first option; the arrow keys move through the rest.
        await page.keyboard.press('Space');
        for (let moves = 0; moves < 12 && (await focused(page)).value !== wanted; moves += 1) await page.keyboard.press('ArrowDown');
        assert.equal((await focused(page)).value, wanted);
        assert.equal((await focused(page)).checked, true);
      } else if (Array.isArray(value)) {
        for (const choice of value) {
          await tabUntil(page, (element) => element.name === id && element.value === choice, `${id}=${choice}`);
          await page.keyboard.press('Space');
        }
      } else if ('upper_limit' in value) {
        await tabUntil(page, (element) => element.name === id, `${id}'s value`);
        await page.keyboard.type(String(value.value));
        await tabUntil(page, (element) => element.name === `${id}_upper_limit`, `${id}'s upper limit`);
        await page.keyboard.type(String(value.upper_limit));
      } else {
        await tabUntil(page, (element) => element.name === id, `${id}'s value`);
        await page.keyboard.type(String(value.value));
        const unit = await tabUntil(page, (element) => element.name === `${id}_unit` || element.text === 'Continue', `${id}'s unit`);
        if (unit.name === `${id}_unit`) {
          // No unit is picked at first: arrow down to the one on the report.
          for (let moves = 0; moves < 5 && (await focused(page)).value !== value.unit; moves += 1) await page.keyboard.press('ArrowDown');
          assert.equal((await focused(page)).value, value.unit);
        }
      }
      await tabUntil(page, (element) => element.tag === 'button' && element.text === 'Continue', 'Continue');
      await page.keyboard.press('Enter');
      await page.waitForFunction((previous) => {
        const root = document.querySelector('[data-prescreen]').shadowRoot;
        return root.querySelector('[data-question]')?.dataset.question !== previous;
      }, id);
    }
    await page.locator('.ps-check-answers').waitFor();
    assert.equal((await focused(page))?.tag, 'h1', 'focus on the check-answers heading');
    await tabUntil(page, (element) => element.tag === 'button' && element.text === 'See the result', 'See the result');
    await page.keyboard.press('Enter');
    await page.locator('[data-outcome="likely_eligible"]').waitFor();
    assert.equal((await focused(page))?.tag, 'h1', 'focus on the outcome');
    await screenshot(page, 'keyboard-result-focus');
    assert.ok(asked.length >= 20, `answered ${asked.length} questions by keyboard`);
    await context.close();
  });

  test('forced-colours mode keeps the focus indicator and boundaries', async () => {
    const context = await running.browser.newContext({ viewport: { width: 800, height: 700 }, forcedColors: 'active' });
    const page = await context.newPage();
    await page.goto(running.server.url);
    await page.getByRole('button', { name: 'Start' }).click();
    await page.locator('[data-question="age_years"]').waitFor();
    await tabUntil(page, (element) => element.name === 'age_years', 'the age field');
    const outline = await page.evaluate(() => getComputedStyle(document.querySelector('[data-prescreen]').shadowRoot.activeElement).outlineStyle);
    assert.equal(outline, 'solid');
    await screenshot(page, 'forced-colours-focus');
    await context.close();
  });

  test('the focus indicator is clearly visible', async () => {
    const context = await running.browser.newContext({ viewport: { width: 800, height: 600 } });
    const page = await context.newPage();
    await page.goto(running.server.url);
    await page.getByRole('button', { name: 'Start' }).waitFor();
    await tabUntil(page, (element) => element.tag === 'button', 'Start');
    const outline = await page.evaluate(() => {
      const button = document.querySelector('[data-prescreen]').shadowRoot.activeElement;
      const style = getComputedStyle(button);
      return { background: style.backgroundColor, border: style.borderTopColor };
    });
    assert.equal(outline.background, 'rgb(255, 221, 0)', 'focused buttons turn yellow');
    await screenshot(page, 'focus-indicator');
    await context.close();
  });
});

test('axe sees inside the shadow root: an unlabelled field is reported', async () => {
  const context = await running.browser.newContext();
  const page = await context.newPage();
  await page.goto(running.server.url);
  await page.getByRole('button', { name: 'Start' }).click();
  await page.locator('[data-question="age_years"]').waitFor();
  await page.evaluate(() => document.querySelector('[data-prescreen]').shadowRoot.querySelector('h1 label').removeAttribute('for'));
  const violations = await axeViolations(page);
  assert.ok(violations.some((violation) => violation.startsWith('label:')), violations.join('\n'));
  await context.close();
});

test('axe-core finds nothing on the Chinese screens and the language switcher', async () => {
  for (const viewport of [{ width: 320, height: 700 }, { width: 1280, height: 900 }]) {
    const context = await running.browser.newContext({ viewport, locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(running.server.url);
    await page.locator('.ps-button--start').waitFor();
    assert.equal(await page.locator('.ps-widget').getAttribute('lang'), 'zh-Hans');
    const screens = { start: await axeViolations(page) };
    await page.locator('.ps-button--start').click();
    await page.locator('button[type="submit"]').click();
    await page.locator('.ps-error-summary').waitFor();
    screens['question with errors'] = await axeViolations(page);
    for (const name of ['eligible_woman', 'kps_60', 'cd123_unknown']) {
      await page.goto(running.server.url);
      const shown = await completeThroughUi(page, seedCase(name), {
        onLookBack: async () => { screens['look back before not eligible'] = await axeViolations(page); },
      });
      screens[`result: ${shown.outcome}`] = await axeViolations(page);
    }
    await page.locator('.ps-language__option[lang="en"]').click();
    screens['after switching to English'] = await axeViolations(page);
    const failures = Object.entries(screens).filter(([, violations]) => violations.length);
    assert.deepEqual(failures, [], `${viewport.width}px: ${JSON.stringify(failures, null, 2)}`);
    await context.close();
  }
});
