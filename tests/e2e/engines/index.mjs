// The shared driver layer: the three engines patients' browsers are built on, behind one interface
// (page.mjs), and the patient's path through the widget written once against it.
//
//   engine     what it stands for                              driven by
//   chromium   Chrome, Edge, Samsung Internet, Android WebView  playwright-core (Debian's chromium)
//   webkit     Safari, every browser on iOS (WeChat included)   selenium-webdriver (WebKitWebDriver, Xvfb)
//   firefox    Firefox, Firefox ESR                             puppeteer-core over WebDriver BiDi
//
// PRESCREEN_ENGINES=webkit,firefox runs a subset; the default is all three.
import { after, afterEach, before, describe } from 'node:test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, SCREENSHOTS } from '../browser.mjs';
import { launchChromium } from './chromium.mjs';
import { launchFirefox } from './firefox.mjs';
import { Page } from './page.mjs';
import { startTestServer } from './server.mjs';
import { launchWebKit } from './webkit.mjs';

export { DIST, ROOT, cliEvaluation, seedCase, widgetLayout, widgetMarkup } from '../browser.mjs';

const LAUNCHERS = { chromium: launchChromium, webkit: launchWebKit, firefox: launchFirefox };
export const ENGINES = (process.env.PRESCREEN_ENGINES ?? 'chromium,webkit,firefox').split(',').map((name) => name.trim()).filter(Boolean);
for (const name of ENGINES) if (!(name in LAUNCHERS)) throw new Error(`unknown engine ${name}; known: ${Object.keys(LAUNCHERS)}`);

/**
 * Declares `define(running)` once per engine, as a `describe` named after the engine, with a test
 * server (startTestServer's options) and the engine running for its tests. `running.newPage()`
 * opens a page the test must close; `running.engine` names the engine and what it can check.
 */
export function forEachEngine(title, serverOptions, define) {
  for (const name of ENGINES) {
    describe(`${title} [${name}]`, () => {
      const running = { name, server: null, engine: null };
      before(async () => {
        running.server = await startTestServer(DIST, serverOptions);
        running.engine = await LAUNCHERS[name]({ server: running.server });
        console.log(`${name}: ${running.engine.version}`);
      });
      // A page a failed test left open is closed after it: WebKitWebDriver holds one session at a time.
      const open = new Set();
      afterEach(async () => {
        for (const page of open) await page.close().catch(() => {});
        open.clear();
      });
      after(async () => {
        await running.engine?.close();
        await running.server?.close();
      });
      running.newPage = async (options) => {
        const page = new Page(name, await running.engine.newPage(options));
        const close = page.close.bind(page);
        page.close = async () => { open.delete(page); await close(); };
        open.add(page);
        return page;
      };
      define(running);
    });
  }
}

/** Saves a screenshot as test-output/screenshots/<engine>/<name>.png and returns the PNG. */
export async function screenshot(page, name, options = { fullPage: true }) {
  const folder = join(SCREENSHOTS, page.engine);
  mkdirSync(folder, { recursive: true });
  const image = await page.screenshot(options);
  writeFileSync(join(folder, `${name}.png`), image);
  return image;
}

/** The widget's current screen: a question id, "check", "look-back", "result", or null. */
export function currentScreen(widget) {
  return widget.evaluate((root) => {
    if (!root) return null;
    const question = root.querySelector('[data-question]');
    if (question) return question.dataset.question;
    if (root.querySelector('.ps-check-answers')) return 'check';
    if (root.querySelector('.ps-look-back')) return 'look-back';
    if (root.querySelector('[data-outcome]')) return 'result';
    return null;
  });
}

export async function nextScreen(widget, previous) {
  let screen = null;
  await widget.waitUntil(async (root, before) => {
    const question = root?.querySelector('[data-question]')?.dataset.question;
    const now = question ?? (root?.querySelector('.ps-check-answers') ? 'check' : root?.querySelector('.ps-look-back') ? 'look-back'
      : root?.querySelector('[data-outcome]') ? 'result' : null);
    return now && now !== before;
  }, previous, `a screen after ${previous}`);
  screen = await currentScreen(widget);
  return screen;
}

/** Answers the question on screen with `value` as a person would: clicking labels, typing. */
export async function answerQuestion(widget, id, value, typed) {
  const inQuestion = (selector) => `[data-question="${id}"] ${selector}`;
  const clickLabelFor = async (inputSelector) => {
    const inputId = await widget.attribute(inQuestion(inputSelector), 'id');
    await widget.click(inQuestion(`label[for="${inputId}"]`));
  };
  if (value === 'unknown') {
    const box = (await widget.count(inQuestion(`input[name="${id}_unknown"]`))) ? `input[name="${id}_unknown"]` : `input[name="${id}"][value="unknown"]`;
    await clickLabelFor(box);
  } else if (value === true || value === false) {
    await clickLabelFor(`input[name="${id}"][value="${value ? 'yes' : 'no'}"]`);
  } else if (typeof value === 'string') {
    await clickLabelFor(`input[name="${id}"][value="${value}"]`);
  } else if (Array.isArray(value)) {
    for (const choice of value) await clickLabelFor(`input[name="${id}"][value="${choice}"]`);
  } else if (typeof value === 'number') {
    // A bare number is in the question's first unit (as in `prescreen eval`).
    if (await widget.count(inQuestion(`select[name="${id}_unit"]`))) {
      const first = await widget.evaluate((root, selector) => root.querySelector(selector).options[1].value, inQuestion(`select[name="${id}_unit"]`));
      await widget.select(inQuestion(`select[name="${id}_unit"]`), first);
    }
    await widget.fill(inQuestion(`input[name="${id}"]`), typed ?? String(value));
  } else if ('upper_limit' in value) {
    await widget.fill(inQuestion(`input[name="${id}"]`), String(value.value));
    await widget.fill(inQuestion(`input[name="${id}_upper_limit"]`), String(value.upper_limit));
  } else {
    if (await widget.count(inQuestion(`select[name="${id}_unit"]`))) await widget.select(inQuestion(`select[name="${id}_unit"]`), value.unit);
    await widget.fill(inQuestion(`input[name="${id}"]`), typed ?? String(value.value));
  }
  await widget.click(inQuestion('button[type="submit"]'));
}

/**
 * Completes the questionnaire through the UI with a case's answers (tests/seed_cases) and returns
 * what the result page shows: the outcome, each criterion's status, and the questions asked.
 * Buttons are found by their place in the form, not their words, so any language works.
 */
export async function completeThroughUi(widget, seed, { onQuestion } = {}) {
  const respondent = seed.respondent === 'caregiver' ? 'caregiver' : 'patient';
  await widget.click(`label[for="ps-respondent-${respondent}"]`);
  await widget.click('.ps-button--start');
  const asked = [];
  let screen = await nextScreen(widget, null);
  while (screen !== 'check' && screen !== 'look-back' && screen !== 'result') {
    const id = screen;
    if (asked.includes(id)) throw new Error(`question ${id} was asked twice`);
    asked.push(id);
    if (!(id in seed.answers)) throw new Error(`the widget asked ${id}, which the case does not answer`);
    if (onQuestion) await onQuestion(id);
    await answerQuestion(widget, id, seed.answers[id], seed.typed?.[id]);
    screen = await nextScreen(widget, id);
  }
  if (screen === 'check' || screen === 'look-back') {
    await widget.click(screen === 'check' ? '.ps-check-answers .ps-button' : '.ps-look-back .ps-button');
    await widget.waitFor('[data-outcome]');
  }
  const outcome = await widget.attribute('[data-outcome]', 'data-outcome');
  const criteria = await widget.evaluate((root) => Object.fromEntries([...root.querySelectorAll('[data-criterion]')]
    .map((item) => [item.dataset.criterion, item.dataset.status])));
  return { outcome, criteria, asked };
}

/**
 * Records in the page, from before its first script, what the browser would otherwise keep to
 * itself: `securitypolicyviolation` events, uncaught errors and rejected promises, print() calls,
 * and files saved through a blob: URL (the Blob and the anchor's `download` name). Works the same
 * in every engine, where the engine's own events differ or are missing.
 */
export const RECORDER = `(() => {
  window.__violations = [];
  window.__errors = [];
  window.__printed = 0;
  window.__saved = [];
  document.addEventListener('securitypolicyviolation', (event) => window.__violations.push(event.violatedDirective + ' ' + event.blockedURI));
  window.addEventListener('error', (event) => window.__errors.push(String(event.message)));
  window.addEventListener('unhandledrejection', (event) => window.__errors.push(String(event.reason)));
  window.print = () => { window.__printed += 1; };
  const blobs = new Map();
  const createObjectURL = URL.createObjectURL;
  URL.createObjectURL = function (blob) { const url = createObjectURL.call(URL, blob); blobs.set(url, blob); return url; };
  const click = HTMLAnchorElement.prototype.click;
  HTMLAnchorElement.prototype.click = function () {
    const blob = blobs.get(this.href);
    if (blob) window.__saved.push({ name: this.download, type: blob.type, text: blob.text() });
    return click.call(this);
  };
})();`;

/** What RECORDER saw: violations, errors, print calls and saved files (with their text). */
export function recorded(page) {
  return page.evaluate(async () => ({
    violations: window.__violations,
    errors: window.__errors,
    printed: window.__printed,
    saved: await Promise.all(window.__saved.map(async (file) => ({ name: file.name, type: file.type, text: await file.text }))),
  }));
}
