// The start page shown while the WebAssembly loads (embed/early-start.js, written at build time by
// the widget's own components: src/ui/prerender.rs). With the .wasm held back, each test reads the
// early page, acts on it as a patient would, then lets the widget load and checks that it took
// over where the patient was: the same markup drawn the same way, language, choice and focus, and straight to the
// first question when Start was pressed. The three-engine suite checks the same in WebKit and
// Firefox (every-engine.test.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, openDemoVariant, serveAndLaunch, widgetLayout, widgetMarkup } from './browser.mjs';
import { axeViolations } from './axe.mjs';

const running = serveAndLaunch();
const SEED = JSON.parse(readFileSync(join(ROOT, 'trials', 'cd123-car-t-aml.json'), 'utf8'));

/** The demo page with `attributes` on the widget's element, its .wasm held until `release()`. */
async function openHeld(attributes = '', contextOptions = {}) {
  const { context, page, open } = await openDemoVariant(running, attributes, contextOptions);
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route('**/*_bg.wasm', async (route) => { await held; await route.continue(); });
  await open();
  await page.locator('[data-prescreen] [data-ps-early] input[name="respondent"]').first().waitFor();
  const takenOver = async () => {
    release();
    await page.waitForFunction(() => {
      const shadow = document.querySelector('[data-prescreen]').shadowRoot;
      return !shadow.querySelector('[data-ps-early]') && shadow.querySelector('.ps-widget');
    });
  };
  return { context, page, errors, takenOver };
}

const markup = (page) => page.evaluate(`(${widgetMarkup})(document.querySelector('[data-prescreen]').shadowRoot)`);
const layout = (page) => page.evaluate(`(${widgetLayout})(document.querySelector('[data-prescreen]').shadowRoot)`);

const shadowState = (page) => page.evaluate(() => {
  const shadow = document.querySelector('[data-prescreen]').shadowRoot;
  const focused = shadow.activeElement;
  return {
    language: shadow.querySelector('.ps-widget').lang,
    respondent: shadow.querySelector('input[name="respondent"]:checked')?.value ?? null,
    focused: focused ? (focused.id || focused.getAttribute('lang') || focused.textContent) : null,
    heading: shadow.querySelector('h1').textContent,
  };
});

for (const [language, attributes, contextOptions] of [
  ['en', 'data-lang="en"', {}],
  ['zh-Hans', 'data-lang="zh-Hans"', {}],
  ['zh-Hans (from the browser preference zh-CN)', '', { locale: 'zh-CN' }],
  ['en, right to left', 'data-lang="en" data-dir="rtl"', {}],
]) {
  test(`the early start page is the widget's own start page: ${language}`, async () => {
    const { context, page, errors, takenOver } = await openHeld(attributes, contextOptions);
    const early = await markup(page);
    const drawn = await layout(page);
    await takenOver();
    assert.deepEqual(await markup(page), early);
    assert.deepEqual(await layout(page), drawn, 'every element drawn in the same place and style');
    if (language.startsWith('zh')) assert.equal((await shadowState(page)).language, 'zh-Hans');
    if (language.includes('right to left')) assert.ok(early.includes('dir=rtl'), 'the host\'s direction');
    assert.deepEqual(errors, []);
    await context.close();
  });
}

test('a language the trial does not speak gets no early page: the widget decides, as before', async () => {
  const { context, page, open } = await openDemoVariant(running, 'data-lang="fr"');
  await open();
  await page.locator('[data-prescreen] .ps-widget input[name="respondent"]').first().waitFor();
  assert.equal(await page.evaluate(() => document.querySelector('[data-prescreen]').shadowRoot.querySelector('[data-ps-early]')), null);
  await context.close();
});

test('language, who is answering and focus carry over to the widget', async () => {
  const { context, page, errors, takenOver } = await openHeld();
  await page.getByRole('button', { name: '简体中文' }).click();
  assert.equal((await shadowState(page)).language, 'zh-Hans', 'the early page switches language itself');
  await page.locator('label[for="ps-respondent-caregiver"]').click();
  assert.deepEqual(await shadowState(page), {
    language: 'zh-Hans', respondent: 'ps-respondent-caregiver', focused: 'ps-respondent-caregiver', heading: SEED.trial.plain_title['zh-Hans'],
  });
  await takenOver();
  assert.deepEqual(await shadowState(page), {
    language: 'zh-Hans', respondent: 'ps-respondent-caregiver', focused: 'ps-respondent-caregiver', heading: SEED.trial.plain_title['zh-Hans'],
  });
  // The widget's own page now: Start asks the first question in the caregiver's words.
  await page.getByRole('button', { name: '开始' }).click();
  await page.locator('h1', { hasText: SEED.questions[0].caregiver_text['zh-Hans'] }).waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});

test('Start pressed before the widget is ready: it says so, then opens the first question', async () => {
  const { context, page, errors, takenOver } = await openHeld('data-lang="en"');
  await page.locator('label[for="ps-respondent-caregiver"]').click();
  await page.getByRole('button', { name: 'Start' }).click();
  const waiting = page.locator('[data-ps-early] p[role="status"]');
  assert.equal(await waiting.textContent(), 'Loading the questionnaire…');
  assert.ok(await waiting.isVisible(), 'a person who pressed Start sees that something is happening');
  await page.getByRole('button', { name: 'Start' }).click(); // a second press changes nothing
  assert.equal(await waiting.count(), 1);
  await takenOver();
  const state = await shadowState(page);
  assert.equal(state.heading, SEED.questions[0].caregiver_text.en);
  assert.equal(state.focused, SEED.questions[0].caregiver_text.en, 'focus on the first question\'s heading');
  assert.deepEqual(errors, []);
  await context.close();
});

test('axe-core finds nothing on the early start page', async () => {
  for (const attributes of ['data-lang="en"', 'data-lang="zh-Hans"']) {
    const { context, page, takenOver } = await openHeld(attributes);
    assert.deepEqual(await axeViolations(page), [], attributes);
    await page.getByRole('button', { name: /Start|开始/ }).click();
    assert.deepEqual(await axeViolations(page), [], `${attributes}, waiting after Start`);
    await takenOver();
    await context.close();
  }
});

test('when the WebAssembly cannot load, the early page gives way to the host\'s own message', async () => {
  const { context, page, open } = await openDemoVariant(running, '');
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route('**/*_bg.wasm', async (route) => { await held; await route.abort(); });
  await open();
  await page.locator('[data-prescreen] [data-ps-early] input[name="respondent"]').first().waitFor();
  release();
  await page.waitForFunction(() => document.querySelector('[data-prescreen]').shadowRoot.querySelector('slot'));
  const shown = await page.evaluate(() => {
    const host = document.querySelector('[data-prescreen]');
    return { widget: Boolean(host.shadowRoot.querySelector('.ps-widget')), text: host.innerText, height: host.querySelector('p').getBoundingClientRect().height };
  });
  assert.equal(shown.widget, false);
  assert.match(shown.text, /ask your doctor/);
  assert.ok(shown.height > 0, 'the message takes room on the page');
  await context.close();
});
