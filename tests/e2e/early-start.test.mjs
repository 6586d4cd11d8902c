// The start page shown while the WebAssembly loads (embed/early-start.js, written at build time by
// the widget's own components: src/ui/prerender.rs). With the .wasm held back, each test reads the
// early page, acts on it as a patient would, then lets the widget load and checks that it took
// over where the patient was: the same markup drawn the same way, language, choice and focus, and straight to the
// first question when Start was pressed. And where there is no early page (a language the trial
// does not speak, an element that cannot hold a shadow root, a host enforcing Trusted Types) or the
// WebAssembly fails, the host's own message stays or comes back. The three-engine suite checks the
// takeover in WebKit and Firefox too (every-engine.test.mjs).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, ROOT, openDemoVariant, serveAndLaunch, widgetLayout, widgetMarkup } from './browser.mjs';
import { axeViolations } from './axe.mjs';

const running = serveAndLaunch();
const SEED = JSON.parse(readFileSync(join(ROOT, 'trials', 'cd123-car-t-aml.json'), 'utf8'));

/**
 * Holds back the page's .wasm, as a slow connection would: `asked` resolves when the entry point
 * asks for it (it has drawn what it draws early by then), `release(fail)` answers it or fails it.
 */
async function holdWasm(page) {
  let asked;
  let release;
  const wasAsked = new Promise((resolve) => { asked = resolve; });
  const held = new Promise((resolve) => { release = resolve; });
  await page.route('**/*_bg.wasm', async (route) => {
    asked();
    if (await held) await route.abort();
    else await route.continue();
  });
  return { asked: wasAsked, release: (fail = false) => release(fail) };
}

/** A page of our own at `path`, answered with `html` (and `headers`), recording page errors. */
async function openOwnPage(path, html, headers = {}) {
  const context = await running.browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  await page.route(`**/${path}`, (route) => route.fulfill({ contentType: 'text/html', body: html, headers }));
  return { context, page, errors, open: () => page.goto(`${running.server.url}${path}`) };
}

/** The demo page with `attributes` on the widget's element, its .wasm held until `release()`. */
async function openHeld(attributes = '', contextOptions = {}) {
  const { context, page, open } = await openDemoVariant(running, attributes, contextOptions);
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  const { release } = await holdWasm(page);
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
  const { asked, release } = await holdWasm(page);
  await open();
  // The entry point asks for the .wasm once it has drawn what it draws early: nothing, here.
  await asked;
  assert.equal(await page.evaluate(() => document.querySelector('[data-prescreen]').shadowRoot), null);
  assert.match(await page.locator('[data-prescreen]').innerText(), /ask your doctor/, 'the host\'s own message meanwhile');
  release();
  await page.locator('[data-prescreen] .ps-widget input[name="respondent"]').first().waitFor();
  await context.close();
});

test('an element that cannot hold a shadow root keeps its message, and the others still start early', async () => {
  const { context, page, errors, open } = await openOwnPage('cells.html',
    '<!doctype html><html lang="en"><head><title>Two hosts</title><script type="module" src="prescreen.js"></script></head><body>'
    + '<table><tr><td data-prescreen id="cell">Ask your doctor about this trial.</td></tr></table>'
    + '<div data-prescreen id="box">Ask your doctor about this trial.</div></body></html>');
  const { release } = await holdWasm(page);
  await open();
  await page.locator('#box [data-ps-early] input[name="respondent"]').first().waitFor();
  release();
  await page.locator('#box .ps-widget:not([data-ps-early] *) input[name="respondent"]').first().waitFor();
  assert.equal(await page.evaluate(() => document.getElementById('cell').shadowRoot), null);
  assert.match(await page.locator('#cell').innerText(), /Ask your doctor/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a host page that enforces Trusted Types keeps its message until the widget, which then works', async () => {
  const { context, page, errors, open } = await openOwnPage('trusted-types.html', readFileSync(join(DIST, 'index.html'), 'utf8'),
    { 'content-security-policy': "require-trusted-types-for 'script'" });
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (event) => window.__violations.push(event.violatedDirective));
  });
  const { asked, release } = await holdWasm(page);
  await open();
  await asked;
  assert.equal(await page.evaluate(() => document.querySelector('[data-prescreen]').shadowRoot), null, 'no early page, no empty shadow root');
  assert.match(await page.locator('[data-prescreen]').innerText(), /ask your doctor/);
  release();
  await page.getByRole('button', { name: 'Start' }).click();
  await page.locator('[data-prescreen] [data-question="age_years"]').waitFor();
  assert.deepEqual(errors, []);
  // The one refusal is the early page's innerHTML, which the entry point expects and skips.
  assert.deepEqual(await page.evaluate(() => window.__violations), ['require-trusted-types-for']);
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
  const waiting = page.locator('[data-ps-early] form + p');
  assert.equal(await waiting.textContent(), 'Loading the questionnaire…');
  assert.ok(await waiting.isVisible(), 'a person who pressed Start sees that something is happening');
  assert.equal(await page.locator('[data-ps-early] [role="status"]').textContent(), 'Loading the questionnaire…', 'and hears it');
  await page.getByRole('button', { name: 'Start' }).click(); // a second press changes nothing
  assert.equal(await waiting.count(), 1);
  await takenOver();
  const state = await shadowState(page);
  assert.equal(state.heading, SEED.questions[0].caregiver_text.en);
  assert.equal(state.focused, SEED.questions[0].caregiver_text.en, 'focus on the first question\'s heading');
  assert.deepEqual(errors, []);
  await context.close();
});

test('Start pressed early, then on to the host page: focus stays where the person went', async () => {
  const { context, page, errors, takenOver } = await openHeld('data-lang="en"');
  await page.getByRole('button', { name: 'Start' }).click();
  await page.evaluate(() => {
    const search = document.createElement('input');
    search.id = 'host-search';
    search.setAttribute('aria-label', 'Search this site');
    document.body.prepend(search);
    search.focus();
  });
  await takenOver();
  await page.locator('[data-prescreen] [data-question="age_years"]').waitFor();
  assert.equal(await page.evaluate(() => document.activeElement.id), 'host-search');
  // Back in the widget, page changes move focus to each heading as before.
  await page.locator('[data-prescreen] input[name="age_years"]').fill('40');
  await page.locator('[data-prescreen] [data-question="age_years"] button[type="submit"]').click();
  await page.locator('[data-prescreen] [data-question="sex"]').waitFor();
  assert.equal(await page.evaluate(() => document.querySelector('[data-prescreen]').shadowRoot.activeElement?.tagName), 'H1');
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
  const { release } = await holdWasm(page);
  await open();
  await page.locator('[data-prescreen] [data-ps-early] input[name="respondent"]').first().waitFor();
  release(true);
  await page.waitForFunction(() => document.querySelector('[data-prescreen]').shadowRoot.querySelector('slot'));
  const shown = await page.evaluate(() => {
    const host = document.querySelector('[data-prescreen]');
    const font = (element) => getComputedStyle(element).fontFamily;
    return {
      widget: Boolean(host.shadowRoot.querySelector('.ps-widget')), text: host.innerText, height: host.querySelector('p').getBoundingClientRect().height,
      font: font(host.querySelector('p')), pageFont: font(document.querySelector('.page-lead')),
    };
  });
  assert.equal(shown.widget, false);
  assert.match(shown.text, /ask your doctor/);
  assert.ok(shown.height > 0, 'the message takes room on the page');
  assert.equal(shown.font, shown.pageFont, 'the message in the host page\'s own styles');
  await context.close();
});
