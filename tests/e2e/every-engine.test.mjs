// End-to-end in the three engines patients' browsers are built on: Chromium, WebKit (Safari, and
// every browser on iOS) and Firefox ESR, each test written once against the driver layer in
// engines/. The questionnaire in both languages agrees with `prescreen eval`; the strict-CSP page
// sees no violation; hostile host CSS changes nothing; two widgets stay apart; the iframe tells its
// parent one height; the keyboard alone completes it; nothing is requested after load; print and
// download work; the start page shown while the widget loads is the widget's own and hands over
// what the patient did there. Where an engine cannot observe something, the test says so (as a diagnostic) and
// checks it another way. Screenshots of every screen type go to test-output/screenshots/<engine>/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  DIST, RECORDER, ROOT, answerQuestion, cliEvaluation, completeThroughUi, currentScreen, forEachEngine, nextScreen, recorded, screenshot,
  seedCase, widgetLayout, widgetMarkup,
} from './engines/index.mjs';

const STRICT_CSP = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; "
  + "connect-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
const INDEX = readFileSync(join(DIST, 'index.html'), 'utf8');
const HOST = '<div id="prescreen" data-prescreen data-owns-title>';
assert.ok(INDEX.includes(HOST), 'index.html still holds the host element the variants replace');

const SERVER = {
  headersFor: (path) => (path === '/strict-csp.html' ? { 'content-security-policy': STRICT_CSP } : {}),
  pages: {
    '/zh.html': INDEX.replace(HOST, '<div id="prescreen" data-prescreen data-owns-title data-lang="zh-Hans">'),
    '/broken.html': INDEX.replace(HOST, '<div data-prescreen data-definition-url="/broken-definition.json">'),
  },
  files: {
    '/broken-definition.json': {
      type: 'application/json',
      body: readFileSync(join(ROOT, 'tests', 'definitions', 'broken', 'several_problems_at_once.json'), 'utf8'),
    },
  },
};

/** Full-width digits, as a Chinese input method types them. */
const FULL_WIDTH = { age_years: '４５', lvef_percent: '６０', oxygen_saturation_percent: '９７' };

/** Asserts that what the widget showed agrees with the CLI on the same answers. */
function assertAgreesWithCli(name, shown, seed) {
  const reference = cliEvaluation(seed.answers);
  assert.equal(shown.outcome, reference.outcome, `${name}: widget says ${shown.outcome}, CLI says ${reference.outcome}`);
  assert.equal(shown.outcome, seed.expected.outcome);
  for (const { id, status } of reference.criteria) {
    const onScreen = shown.criteria[id];
    assert.ok(onScreen, `${name}: ${id} is missing from the result page`);
    // The widget may leave a criterion unknown when it stopped early because the outcome was decided.
    if (onScreen !== 'unknown' || shown.outcome !== 'not_eligible') assert.equal(onScreen, status, `${name}: ${id}`);
  }
}

/** The question's kind, told from its fields: number, number-unit, upper-limit, yes-no, single-choice, multiple-choice. */
const questionKind = (widget, id) => widget.evaluate((root, question) => {
  const element = root.querySelector(`[data-question="${question}"]`);
  const first = element.querySelector('input');
  if (first.type === 'radio') return element.querySelector('input[value="yes"]') ? 'yes-no' : 'single-choice';
  if (first.type === 'checkbox') return 'multiple-choice';
  if (element.querySelectorAll('input[type="text"]').length === 2) return 'upper-limit';
  return element.querySelector('select') ? 'number-unit' : 'number';
}, id);

/** Opens `path` with the recorder installed and waits for the widget's start screen. */
async function open(running, path, options = {}) {
  const page = await running.newPage(options);
  await page.addInitScript(RECORDER);
  await page.goto(`${running.server.url}${path}`);
  const widget = page.widget(options.host);
  // The widget's own Start, not the one on the page shown while it loads (embed/early-start.js).
  await widget.waitFor('.ps-button--start:not([data-ps-early] *)');
  return { page, widget };
}

/**
 * Runs `action` and asserts that nothing was requested meanwhile: on the server's log in every
 * engine, and from the browser's own request events where the engine has them (else from the
 * page's Resource Timing entries). Nothing may be stored either.
 */
async function assertNothingLeavesDuring(t, running, page, action) {
  if (!running.engine.capabilities.requestEvents) {
    t.diagnostic(`${running.name}: no request events over WebDriver classic; checked instead: the server's log and the page's Resource Timing entries`);
  }
  await page.waitUntil(() => [...document.querySelectorAll('[data-prescreen]')]
    .every((host) => !host.shadowRoot?.querySelector('[data-ps-early]')), null, 'every widget to load');
  const recorder = await page.recordRequests();
  const serverCount = running.server.requests.length;
  await action();
  // Anything the actions set off has had its chance to leave by the time a round trip comes back.
  await page.evaluate(() => new Promise((done) => setTimeout(done, 300)));
  const requested = (await recorder.stop()).filter((url) => !url.startsWith('blob:') && !url.startsWith('data:'));
  assert.deepEqual(requested, [], 'no request from the browser after load');
  assert.deepEqual(running.server.requests.slice(serverCount), [], 'no request reached the server after load');
  const storage = await page.evaluate(async () => ({
    cookie: document.cookie, local: localStorage.length, session: sessionStorage.length,
    databases: indexedDB.databases ? (await indexedDB.databases()).length : 0,
  }));
  assert.deepEqual(storage, { cookie: '', local: 0, session: 0, databases: 0 });
}

/** Clicks Print and Download on the result page; checks print was asked for and the saved file. */
async function printAndDownload(t, running, page, widget, expectedOutcome) {
  await widget.click('.ps-button-group .ps-button:nth-child(1)');
  const onDisk = await page.adapter.download(() => widget.click('.ps-button-group .ps-button:nth-child(2)'));
  const seen = await recorded(page);
  assert.equal(seen.printed, 1, 'print was asked for once');
  assert.equal(seen.saved.length, 1, 'one file was saved');
  const saved = JSON.parse(seen.saved[0].text);
  assert.equal(saved.format, 'prescreen-answers/1');
  assert.equal(saved.outcome, expectedOutcome);
  assert.match(seen.saved[0].name, /\.json$/);
  if (onDisk) {
    assert.deepEqual(JSON.parse(readFileSync(onDisk.path, 'utf8')), saved, 'the file on disk is the file the page made');
  } else {
    t.diagnostic(`${running.name}: WebDriver classic reports no downloads; checked instead: the Blob the page saved and its file name`);
  }
  return saved;
}

forEachEngine('every engine', SERVER, (running) => {
  test('the whole questionnaire, in English and in Chinese, agrees with prescreen eval', async () => {
    const runs = [
      { name: 'eligible_woman', path: '', screens: 'en' },
      { name: 'kps_60', path: '' },
      { name: 'cd123_unknown', path: '' },
      { name: 'eligible_woman', path: 'zh.html', screens: 'zh', typed: FULL_WIDTH },
      { name: 'child_aged_2_caregiver', path: 'zh.html' },
    ];
    for (const run of runs) {
      const seed = { ...seedCase(run.name), typed: run.typed };
      const { page, widget } = await open(running, run.path);
      const language = await widget.attribute('.ps-widget', 'lang');
      assert.equal(language, run.path ? 'zh-Hans' : 'en', `${run.name}: the widget speaks the page's language`);
      const seenKinds = new Set();
      if (run.screens) await screenshot(page, `${run.screens}-start`);
      const shown = await completeThroughUi(widget, seed, {
        onQuestion: async (id) => {
          if (!run.screens) return;
          const kind = await questionKind(widget, id);
          if (seenKinds.has(kind)) return;
          seenKinds.add(kind);
          await screenshot(page, `${run.screens}-question-${kind}`);
        },
      });
      assertAgreesWithCli(`${run.name} (${language})`, shown, seed);
      if (run.name === 'kps_60') assert.ok(!shown.asked.includes('activity_child'));
      if (run.name === 'child_aged_2_caregiver') assert.ok(shown.asked.includes('activity_child') && !shown.asked.includes('pregnant_or_breastfeeding'));
      if (run.screens) {
        assert.equal(seenKinds.size, 6, `question kinds seen: ${[...seenKinds]}`);
        await screenshot(page, `${run.screens}-result-${shown.outcome}`);
      } else {
        await screenshot(page, `${language === 'en' ? 'en' : 'zh'}-result-${shown.outcome}-${run.name}`);
      }
      assert.deepEqual((await recorded(page)).errors, [], `${run.name}: no uncaught error`);
      await page.close();
    }
  });

  test('the other screen types: errors, an unusual value, check answers, look back, a phone, a broken definition', async (t) => {
    const { page, widget } = await open(running, '');
    await widget.click('.ps-button--start');
    await widget.waitFor('[data-question="age_years"]');
    await widget.fill('input[name="age_years"]', 'forty');
    await widget.click('button[type="submit"]');
    await widget.waitFor('.ps-error-summary');
    assert.equal((await widget.focused())?.className.includes('ps-error-summary'), true, 'the error summary takes focus');
    await screenshot(page, 'en-question-error');
    await page.close();

    const unusual = await open(running, '');
    await completeThroughUi(unusual.widget, seedCase('eligible_woman'), {
      onQuestion: async (id) => {
        if (id === 'bilirubin') {
          await unusual.widget.click('.ps-details__summary');
          assert.equal(await unusual.widget.evaluate((root) => root.querySelector('.ps-details').open), true);
        }
        if (id !== 'creatinine') return;
        // The page is patched from bilirubin (its unit just picked, its help opened) to creatinine:
        // no unit may show as picked, or a patient would take the last question's unit for this
        // one, and the help starts closed.
        assert.equal(await unusual.widget.evaluate((root) => root.querySelector('select[name="creatinine_unit"]').selectedIndex), 0, 'no unit shown picked on arrival');
        assert.equal(await unusual.widget.evaluate((root) => root.querySelector('.ps-details').open), false, 'the help starts closed');
        await unusual.widget.select('select[name="creatinine_unit"]', 'umol/L');
        await unusual.widget.fill('input[name="creatinine"]', '2.5');
        await unusual.widget.click('button[type="submit"]');
        await unusual.widget.waitFor('input[name="creatinine_confirm"]');
        await screenshot(unusual.page, 'en-question-unusual-value');
      },
    });
    await unusual.widget.click('.ps-button-group .ps-button:nth-child(3)');
    await unusual.widget.waitFor('.ps-check-answers');
    await screenshot(unusual.page, 'en-check-answers');
    await unusual.page.close();

    const lookBack = await open(running, '');
    await lookBack.widget.click('label[for="ps-respondent-patient"]');
    await lookBack.widget.click('.ps-button--start');
    let screen = await nextScreen(lookBack.widget, null);
    const seed = seedCase('kps_60');
    while (screen !== 'look-back') {
      await answerQuestion(lookBack.widget, screen, seed.answers[screen]);
      screen = await nextScreen(lookBack.widget, screen);
    }
    await screenshot(lookBack.page, 'en-look-back');
    await lookBack.page.close();

    const phone = await open(running, '', { viewport: { width: 320, height: 640 } });
    const phoneWidth = await phone.page.evaluate(() => window.innerWidth);
    if (phoneWidth !== 320) {
      t.diagnostic(`${running.name}: the window cannot be narrower than ${phoneWidth} px (MiniBrowser's minimum); the phone checks run at that width`);
    }
    await screenshot(phone.page, 'en-start-320px');
    await phone.widget.click('.ps-button--start');
    await phone.widget.waitFor('[data-question]');
    const overflow = await phone.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assert.equal(overflow, 0, 'no sideways scrolling at 320 px');
    await screenshot(phone.page, 'en-question-320px');
    await phone.page.close();

    const broken = await running.newPage();
    await broken.goto(`${running.server.url}broken.html`);
    const brokenWidget = broken.widget();
    await brokenWidget.waitFor('.ps-broken');
    assert.match(await brokenWidget.text('.ps-broken'), /cannot be shown right now/);
    await screenshot(broken, 'en-definition-broken');
    await broken.close();
  });

  test('nothing is requested or stored after load; print and download work', async (t) => {
    const { page, widget } = await open(running, '');
    await assertNothingLeavesDuring(t, running, page, async () => {
      const shown = await completeThroughUi(widget, seedCase('eligible_woman'));
      assert.equal(shown.outcome, 'likely_eligible');
      const saved = await printAndDownload(t, running, page, widget, 'likely_eligible');
      assert.deepEqual(saved.answers.creatinine, { value: 1.2, unit: 'mg/dL' });
    });
    assert.doesNotMatch(await page.evaluate(() => location.href), /[?#]./, 'no answer in the URL');
    await page.close();
  });

  test('the strict-CSP page works start to result, print and download included, with zero violations', async (t) => {
    const { page, widget } = await open(running, 'strict-csp.html');
    await assertNothingLeavesDuring(t, running, page, async () => {
      const shown = await completeThroughUi(widget, seedCase('eligible_woman'));
      assert.equal(shown.outcome, 'likely_eligible');
      await printAndDownload(t, running, page, widget, 'likely_eligible');
    });
    const seen = await recorded(page);
    assert.deepEqual(seen.violations, [], 'no securitypolicyviolation event');
    assert.deepEqual(seen.errors, []);
    // The listener would have heard a violation: an inline <style> breaks style-src 'self'.
    await page.evaluate(() => document.head.append(Object.assign(document.createElement('style'), { textContent: 'p { color: red }' })));
    const heard = await page.waitUntil(() => window.__violations.length > 0 && window.__violations, null, 'the provoked violation');
    assert.match(heard[0], /^style-src/, `this engine reports violations: ${heard}`);
    await page.close();
  });

  test('a hostile host stylesheet neither breaks the widget nor is changed by it', async () => {
    const probe = (page) => page.evaluate(() => Object.fromEntries(['host-probe', 'host-button'].map((id) => {
      const style = getComputedStyle(document.getElementById(id));
      return [id, ['font-size', 'color', 'padding-top', 'margin-top', 'display', 'background-color', 'border-top-style', 'box-sizing', 'font-family']
        .map((property) => `${property}: ${style.getPropertyValue(property)}`).join('; ')];
    })));
    // The same page without the widget: its entry module answered 404.
    const without = await running.newPage();
    await without.goto(`${running.server.url}__without/prescreen.js/hostile.html`);
    await without.waitUntil(() => document.readyState === 'complete');
    const hostStylesWithout = await probe(without);
    await without.close();

    const { page, widget } = await open(running, 'hostile.html');
    assert.deepEqual(await probe(page), hostStylesWithout, 'the widget changed no host element');
    const looks = await widget.evaluate((root) => {
      const heading = getComputedStyle(root.querySelector('h1'));
      const button = getComputedStyle(root.querySelector('.ps-button'));
      return { headingSize: parseFloat(heading.fontSize), headingColour: heading.color, buttonDisplay: button.display,
        buttonBackground: button.backgroundColor, boxSizing: button.boxSizing };
    });
    assert.ok(looks.headingSize < 40, `heading font size ${looks.headingSize}px`);
    assert.notEqual(looks.headingColour, 'rgb(255, 0, 0)');
    assert.equal(looks.buttonDisplay, 'inline-block');
    assert.equal(looks.buttonBackground, 'rgb(0, 112, 60)');
    assert.equal(looks.boxSizing, 'border-box');
    await screenshot(page, 'hostile-host-start');
    const shown = await completeThroughUi(widget, seedCase('cd123_unknown'));
    assert.equal(shown.outcome, 'needs_review');
    await screenshot(page, 'hostile-host-result');
    assert.deepEqual((await recorded(page)).errors, []);
    await page.close();
  });

  test('two widgets on one page keep separate answers and results', async (t) => {
    const page = await running.newPage({ viewport: { width: 1280, height: 900 } });
    await page.addInitScript(RECORDER);
    await page.goto(`${running.server.url}two-widgets.html`);
    const seedWidget = page.widget('#widget-seed');
    const secondWidget = page.widget('#widget-second');
    await seedWidget.waitFor('.ps-button--start');
    await secondWidget.waitFor('.ps-button--start');
    assert.match(await secondWidget.text('h1'), /demonstration trial/);
    await screenshot(page, 'portal-two-widgets-start');
    await assertNothingLeavesDuring(t, running, page, async () => {
      await seedWidget.click('.ps-button--start');
      await seedWidget.fill('input[name="age_years"]', '45');
      await seedWidget.click('button[type="submit"]');
      await seedWidget.waitFor('[data-question="sex"]');
      const second = await completeThroughUi(secondWidget, { answers: { age_years: 70 } });
      assert.equal(second.outcome, 'not_eligible');
      assert.deepEqual(second.asked, ['age_years']);
      assert.equal(await currentScreen(seedWidget), 'sex', 'the first widget is where it was');
      await seedWidget.click('.ps-back-link');
      await seedWidget.waitFor('[data-question="age_years"]');
      assert.equal(await seedWidget.value('input[name="age_years"]'), '45', 'with its own answer');
      assert.equal(await seedWidget.count('[data-outcome]'), 0);
    });
    await screenshot(page, 'portal-two-widgets');
    await page.close();
  });

  test('the iframe embed tells its parent one height, the same whatever the outcome', async () => {
    const runs = [];
    for (const caseName of ['eligible_woman', 'age_76']) {
      const page = await running.newPage({ viewport: { width: 1024, height: 900 } });
      await page.addInitScript(`window.__messages = []; window.addEventListener('message', (event) => window.__messages.push(event.data));`);
      await page.goto(`${running.server.url}iframe.html`);
      const widget = page.widget('[data-prescreen]', { frame: 'iframe[data-prescreen-frame]' });
      await widget.waitFor('.ps-button--start');
      if (caseName === 'eligible_woman') await screenshot(page, 'iframe-start');
      const shown = await completeThroughUi(widget, seedCase(caseName));
      const messages = await page.evaluate(() => new Promise((done) => setTimeout(() => done(window.__messages), 300)));
      const frame = await page.evaluate(() => {
        const element = document.querySelector('iframe[data-prescreen-frame]');
        return { height: Math.round(element.getBoundingClientRect().height), sandbox: element.getAttribute('sandbox') };
      });
      if (caseName === 'eligible_woman') await screenshot(page, 'iframe-result');
      await page.close();
      runs.push({ outcome: shown.outcome, messages, frame });
    }
    assert.deepEqual(runs.map((run) => run.outcome), ['likely_eligible', 'not_eligible']);
    for (const run of runs) {
      assert.equal(run.messages.length, 1, `${run.outcome}: ${JSON.stringify(run.messages)}`);
      assert.equal(run.messages[0].type, 'prescreen:height');
      assert.ok(Number.isInteger(run.messages[0].height) && run.messages[0].height > 0);
      assert.equal(run.frame.height, Math.max(200, run.messages[0].height), 'the host sized the frame');
      assert.doesNotMatch(run.frame.sandbox, /allow-same-origin/, 'the frame runs in an opaque origin');
    }
    assert.deepEqual(runs[1].messages, runs[0].messages, 'the same message whatever the outcome');
  });

  test('one page patched from question to question shows the answers of the question on screen', async () => {
    // The question page is patched, not rebuilt, between questions: what the browser keeps in
    // its elements (a radio's checkedness, a field's value) must never show one question's state
    // on another, and a change the page has not drawn yet must still count.
    const { page, widget } = await open(running, '');
    const seed = seedCase('eligible_woman');
    await widget.click('.ps-button--start');
    let screen = await nextScreen(widget, null);
    const checked = (id) => widget.evaluate((root, id) => [...root.querySelectorAll(`input[name="${id}"]`)].filter((input) => input.checked).map((input) => input.value), id);
    while (screen !== 'other_cancer') {
      if (screen === 'bilirubin') {
        // A value and its unit changed in one task (autofill does this): both count.
        await widget.evaluate((root) => {
          const value = root.querySelector('input[name="bilirubin"]');
          value.value = '10';
          value.dispatchEvent(new InputEvent('input', { bubbles: true }));
          const unit = root.querySelector('select[name="bilirubin_unit"]');
          unit.value = 'umol/L';
          unit.dispatchEvent(new Event('change', { bubbles: true }));
        });
        await widget.click('[data-question="bilirubin"] button[type="submit"]');
        screen = await nextScreen(widget, 'bilirubin');
        assert.equal(screen, 'creatinine', 'the value and the unit were both taken');
        continue;
      }
      await answerQuestion(widget, screen, seed.answers[screen]);
      screen = await nextScreen(widget, screen);
    }
    await answerQuestion(widget, 'other_cancer', false);
    assert.equal(await nextScreen(widget, 'other_cancer'), 'uncontrolled_infection');
    // Yes picked here, then Back without continuing: the page before shows its own No...
    await widget.click('label[for="' + await widget.attribute('input[name="uncontrolled_infection"][value="yes"]', 'id') + '"]');
    assert.deepEqual(await checked('uncontrolled_infection'), ['yes']);
    await widget.click('.ps-back-link');
    await widget.waitFor('[data-question="other_cancer"]');
    assert.deepEqual(await checked('other_cancer'), ['no'], 'the answer given shows as picked after Back');
    // ...and the Yes never continued with is gone when the patient comes forward again.
    await widget.click('[data-question="other_cancer"] button[type="submit"]');
    await widget.waitFor('[data-question="uncontrolled_infection"]');
    assert.deepEqual(await checked('uncontrolled_infection'), [], 'an edit left with Back is dropped');
    await page.close();
  });

  test('the keyboard alone completes the questionnaire', async () => {
    const { page, widget } = await open(running, '');
    const seed = seedCase('eligible_woman');
    const tabUntil = async (matches, description) => {
      for (let presses = 0; presses < 40; presses += 1) {
        await page.press('Tab');
        const element = await widget.focused();
        if (element && matches(element)) return element;
      }
      throw new Error(`${running.name}: Tab never reached ${description}`);
    };
    await tabUntil((element) => element.name === 'respondent', 'the respondent choice');
    await page.press('Space');
    await tabUntil((element) => element.tag === 'button' && element.className.includes('ps-button--start'), 'Start');
    await page.press('Enter');
    const asked = [];
    let screen = await nextScreen(widget, null);
    while (screen !== 'check') {
      const id = screen;
      asked.push(id);
      assert.equal((await widget.focused())?.tag, 'h1', `${id}: focus starts on the question heading`);
      const value = seed.answers[id];
      if (typeof value === 'number') {
        await tabUntil((element) => element.name === id, `${id}'s field`);
        await page.type(String(value));
      } else if (value === true || value === false || typeof value === 'string') {
        const wanted = value === true ? 'yes' : value === false ? 'no' : value;
        await tabUntil((element) => element.name === id, `${id}'s choices`);
        // Tab enters the group on its first option; Space picks it, the arrow keys move on.
        await page.press('Space');
        for (let moves = 0; moves < 12 && (await widget.focused()).value !== wanted; moves += 1) await page.press('ArrowDown');
        const chosen = await widget.focused();
        assert.equal(chosen.value, wanted, `${id}: arrowed to ${wanted}`);
        assert.equal(chosen.checked, true, `${id}: ${wanted} is checked`);
      } else if (Array.isArray(value)) {
        for (const choice of value) {
          await tabUntil((element) => element.name === id && element.value === choice, `${id}=${choice}`);
          await page.press('Space');
        }
      } else if ('upper_limit' in value) {
        await tabUntil((element) => element.name === id, `${id}'s value`);
        await page.type(String(value.value));
        await tabUntil((element) => element.name === `${id}_upper_limit`, `${id}'s upper limit`);
        await page.type(String(value.upper_limit));
      } else {
        await tabUntil((element) => element.name === id, `${id}'s value`);
        await page.type(String(value.value));
        await tabUntil((element) => element.name === `${id}_unit`, `${id}'s unit`);
        for (let moves = 0; moves < 5 && (await widget.focused()).value !== value.unit; moves += 1) await page.press('ArrowDown');
        assert.equal((await widget.focused()).value, value.unit, `${id}: the unit picked with the arrow keys`);
      }
      await tabUntil((element) => element.tag === 'button' && element.type === 'submit', 'Continue');
      await page.press('Enter');
      screen = await nextScreen(widget, id);
    }
    assert.equal((await widget.focused())?.tag, 'h1', 'focus on the check-answers heading');
    const seeTheResult = await widget.text('.ps-check-answers .ps-button');
    await tabUntil((element) => element.tag === 'button' && element.text === seeTheResult, 'See the result');
    await page.press('Enter');
    await widget.waitFor('[data-outcome="likely_eligible"]');
    assert.equal((await widget.focused())?.tag, 'h1', 'focus on the outcome');
    assert.ok(asked.length >= 20, `answered ${asked.length} questions by keyboard`);
    await screenshot(page, 'keyboard-result-focus', { fullPage: false });
    await page.close();
  });

  test('the start page shown while the widget loads is its own, and what the patient did there carries over', async () => {
    const seedTrial = JSON.parse(readFileSync(join(ROOT, 'trials', 'cd123-car-t-aml.json'), 'utf8'));
    const takenOver = (root) => Boolean(root && !root.querySelector('[data-ps-early]') && root.querySelector('.ps-widget'));
    // The same markup, drawn the same way, before and after the widget takes over, in this engine.
    let release = running.server.hold('/prescreen-seed_bg.wasm');
    let page = await running.newPage();
    try {
      await page.goto(`${running.server.url}index.html`);
      let widget = page.widget();
      await widget.waitFor('[data-ps-early] .ps-button--start');
      const early = await widget.evaluate(widgetMarkup);
      const drawn = await widget.evaluate(widgetLayout);
      release();
      await widget.waitUntil(takenOver, null, 'the widget to take over');
      assert.deepEqual(await widget.evaluate(widgetMarkup), early);
      assert.deepEqual(await widget.evaluate(widgetLayout), drawn, 'every element drawn in the same place and style');
      await page.close();

      // Chinese, a caregiver, and Start, all before the widget is ready.
      release = running.server.hold('/prescreen-seed_bg.wasm');
      page = await running.newPage();
      await page.goto(`${running.server.url}index.html`);
      widget = page.widget();
      await widget.click('[data-ps-early] .ps-language__option[lang="zh-Hans"]');
      await widget.waitFor('[data-ps-early] .ps-widget[lang="zh-Hans"]');
      await widget.click('[data-ps-early] label[for="ps-respondent-caregiver"]');
      await widget.click('[data-ps-early] .ps-button--start');
      await widget.waitUntil((root) => root.querySelector('[data-ps-early] [role="status"]').textContent !== '', null, 'the loading line');
      release();
      await widget.waitFor('[data-question="age_years"]');
      assert.deepEqual(await widget.evaluate((root) => [root.querySelector('.ps-widget').lang, root.querySelector('h1').textContent, Boolean(root.querySelector('[data-ps-early]'))]),
        ['zh-Hans', seedTrial.questions[0].caregiver_text['zh-Hans'], false]);
    } finally {
      release();
      await page.close();
    }
  });
});
