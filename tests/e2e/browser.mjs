// Shared helpers for the end-to-end tests: Debian's chromium driven by playwright-core, and a
// patient who answers the widget through its real UI.
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';
import { startServer } from './server.mjs';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = new URL('../..', import.meta.url).pathname;
export const DIST = process.env.PRESCREEN_DIST ?? join(ROOT, 'dist');
export const SCREENSHOTS = join(ROOT, 'test-output', 'screenshots');
mkdirSync(SCREENSHOTS, { recursive: true });

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}

/**
 * Starts a static server on dist/ and a browser before a test file's tests, and stops them after.
 * Returns an object whose `server` and `browser` are set once they run.
 */
export function serveAndLaunch(serverOptions = {}) {
  const running = { server: null, browser: null };
  before(async () => {
    running.server = await startServer(DIST, 0, serverOptions);
    running.browser = await launch();
  });
  after(async () => {
    await running.browser?.close();
    await running.server?.close();
  });
  return running;
}

/**
 * Waits until every widget on the page has loaded: no start page shown while the WebAssembly loads
 * (embed/early-start.js) is left. What comes after is "after load".
 */
export async function widgetsLoaded(page) {
  await page.waitForFunction(() => [...document.querySelectorAll('[data-prescreen]')]
    .every((host) => !host.shadowRoot?.querySelector('[data-ps-early]')));
}

/** The demo page (index.html) with extra attributes on the widget's element, served by a route. */
export async function openDemoVariant({ server, browser }, attributes, contextOptions = {}) {
  const context = await browser.newContext(contextOptions);
  const page = await context.newPage();
  // The attributes given replace the page's own `data-owns-title` when they set it.
  const ownsTitle = attributes.includes('data-owns-title') ? '' : ' data-owns-title';
  const html = readFileSync(join(DIST, 'index.html'), 'utf8')
    .replace('<div id="prescreen" data-prescreen data-owns-title>', `<div id="prescreen" data-prescreen${ownsTitle} ${attributes}>`);
  await page.route('**/variant.html', (route) => route.fulfill({ contentType: 'text/html', body: html }));
  return { context, page, open: () => page.goto(`${server.url}variant.html`) };
}

/**
 * The widget's markup under its shadow root `root`, as a tree a person meets it: elements with
 * their attributes (sorted), each input's checked state as it is now, and text as it reads. Run in
 * the page. `checked` is left out as an attribute: the start page shown while the widget loads
 * (embed/early-start.js) writes it in its HTML, Yew sets the property; and the parser writes
 * adjacent text as one node, Yew as several.
 */
export function widgetMarkup(root) {
  const walk = (node) => {
    if (node.nodeType === Node.TEXT_NODE) return node.data;
    const attributes = [...node.attributes].filter((a) => a.name !== 'checked').map((a) => `${a.name}=${a.value}`).sort();
    const state = node.tagName === 'INPUT' ? [`(checked: ${node.checked})`] : [];
    const children = [];
    for (const child of [...node.childNodes].filter((each) => each.nodeType !== Node.COMMENT_NODE).map(walk)) {
      if (typeof child === 'string' && typeof children.at(-1) === 'string') children[children.length - 1] += child;
      else if (child !== '') children.push(child);
    }
    return [node.tagName.toLowerCase(), ...attributes, ...state, children];
  };
  return walk(root.querySelector('.ps-widget'));
}

/**
 * Where each element of the widget under its shadow root `root` is drawn, in document order: its
 * box and the computed styles a person sees. Run in the page. The start page shown while the
 * widget loads carries only part of the stylesheet: a rule it missed would move or restyle
 * something here.
 */
export function widgetLayout(root) {
  const round = (value) => Math.round(value * 10) / 10;
  return [...root.querySelector('.ps-widget').querySelectorAll('*')].map((element) => {
    const box = element.getBoundingClientRect();
    const style = getComputedStyle(element);
    return [element.tagName.toLowerCase(), round(box.x), round(box.y), round(box.width), round(box.height),
      style.color, style.backgroundColor, style.fontSize, style.fontWeight, style.borderTopWidth, style.outlineStyle].join(' ');
  });
}

export function seedCase(name) {
  return JSON.parse(readFileSync(join(ROOT, 'tests', 'seed_cases', `${name}.json`), 'utf8'));
}

/**
 * What the coordinators' CLI says for the same answers: the reference the UI must agree with.
 * `definition` is `seed` or a file path; `today` (YYYY-MM-DD) is the day the answers were given.
 */
export function cliEvaluation(answers, definition = 'seed', today = null) {
  const file = join(ROOT, 'test-output', `answers-${process.pid}-${Date.now()}.json`);
  mkdirSync(join(ROOT, 'test-output'), { recursive: true });
  execFileSync('sh', ['-c', `cat > "${file}"`], { input: JSON.stringify(answers) });
  const binary = join(ROOT, 'target', 'debug', 'prescreen');
  const arguments_ = ['eval', definition, file, ...(today ? ['--today', today] : [])];
  return JSON.parse(execFileSync(binary, arguments_, { encoding: 'utf8' }));
}

export async function screenshot(page, name) {
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** Answers the question on screen with `value`, as a person would: clicking labels, typing. */
export async function answerQuestion(scope, id, value, typed) {
  const root = scope.locator(`[data-question="${id}"]`);
  const clickLabelFor = async (selector) => {
    const inputId = await root.locator(selector).getAttribute('id');
    await root.locator(`label[for="${inputId}"]`).click();
  };
  if (value === 'unknown') {
    const unknownBox = root.locator(`input[name="${id}_unknown"]`);
    await clickLabelFor((await unknownBox.count()) ? `input[name="${id}_unknown"]` : `input[name="${id}"][value="unknown"]`);
  } else if (value === true || value === false) {
    await clickLabelFor(`input[name="${id}"][value="${value ? 'yes' : 'no'}"]`);
  } else if (typeof value === 'string' && /^\d{4}-\d{2}(-\d{2})?$/.test(value)) {
    // A date, typed into the day (left empty for a month), month and year fields.
    const [year, month, day] = value.split('-');
    await root.locator(`input[name="${id}_day"]`).fill(day ? String(Number(day)) : '');
    await root.locator(`input[name="${id}_month"]`).fill(String(Number(month)));
    await root.locator(`input[name="${id}_year"]`).fill(year);
  } else if (typeof value === 'string') {
    await clickLabelFor(`input[name="${id}"][value="${value}"]`);
  } else if (Array.isArray(value)) {
    for (const choice of value) await clickLabelFor(`input[name="${id}"][value="${choice}"]`);
  } else if (typeof value === 'number') {
    // A bare number is in the question's first unit (as in `prescreen eval`); pick it where the
    // question offers a choice of units, since none is picked at first.
    const unit = root.locator(`select[name="${id}_unit"]`);
    if (await unit.count()) await unit.selectOption({ index: 1 });
    await root.locator(`input[name="${id}"]`).fill(typed ?? String(value));
  } else if ('upper_limit' in value) {
    await root.locator(`input[name="${id}"]`).fill(String(value.value));
    if ('lower_limit' in value) await root.locator(`input[name="${id}_lower_limit"]`).fill(String(value.lower_limit));
    await root.locator(`input[name="${id}_upper_limit"]`).fill(String(value.upper_limit));
  } else {
    const unit = root.locator(`select[name="${id}_unit"]`);
    if (await unit.count()) await unit.selectOption(value.unit);
    await root.locator(`input[name="${id}"]`).fill(typed ?? String(value.value));
  }
  await root.locator('button[type="submit"]').click();
}

/** The widget's current screen inside `scope`: a question id, "check", "look-back", "result" or null. */
export async function currentScreen(scope) {
  const question = scope.locator('[data-question]');
  if (await question.count()) return question.getAttribute('data-question');
  if (await scope.locator('.ps-check-answers').count()) return 'check';
  if (await scope.locator('.ps-look-back').count()) return 'look-back';
  if (await scope.locator('[data-outcome]').count()) return 'result';
  return null;
}

export async function nextScreen(scope, previous) {
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const screen = await currentScreen(scope);
    if (screen && screen !== previous) return screen;
    await new Promise((done) => setTimeout(done, 25));
  }
  throw new Error(`the widget stayed on ${previous}`);
}

/**
 * Completes the questionnaire through the UI with a case's answers and returns what the result
 * page shows: the outcome and each criterion's status, plus the questions that were asked.
 * `scope` is the page, or a locator holding one widget (locators reach into its shadow root).
 * Buttons are found by their role in the form, not their words, so any language works; `seed.typed`
 * may give the exact text to type for a number (`"３０"`).
 */
export async function completeThroughUi(scope, seed, { onQuestion, onLookBack } = {}) {
  const respondent = seed.respondent === 'caregiver' ? 'caregiver' : 'patient';
  await scope.locator(`label[for="ps-respondent-${respondent}"]`).click();
  await scope.locator('.ps-button--start').click();
  const asked = [];
  let screen = await nextScreen(scope, null);
  while (screen !== 'check' && screen !== 'look-back' && screen !== 'result') {
    const id = screen;
    if (asked.includes(id)) throw new Error(`question ${id} was asked twice`);
    asked.push(id);
    if (!(id in seed.answers)) throw new Error(`the widget asked ${id}, which the case does not answer`);
    if (onQuestion) await onQuestion(id);
    await answerQuestion(scope, id, seed.answers[id], seed.typed?.[id]);
    screen = await nextScreen(scope, id);
  }
  const lookedBack = screen === 'look-back'
    ? await scope.locator('.ps-look-back .ps-summary-list__row').evaluateAll((rows) => rows.map((row) => row.querySelector('dt').textContent))
    : null;
  if (screen === 'look-back' && onLookBack) await onLookBack();
  if (screen === 'check' || screen === 'look-back') {
    await scope.locator(screen === 'check' ? '.ps-check-answers .ps-button' : '.ps-look-back .ps-button').click();
    await scope.locator('[data-outcome]').waitFor();
  }
  const outcome = await scope.locator('[data-outcome]').getAttribute('data-outcome');
  const criteria = Object.fromEntries(await scope.locator('[data-criterion]').evaluateAll((items) =>
    items.map((item) => [item.dataset.criterion, item.dataset.status])));
  return { outcome, criteria, asked, lookedBack };
}

/** The element focused inside the first widget's shadow root, described for assertions. */
export async function focusedInWidget(page) {
  return page.evaluate(() => {
    const focused = document.querySelector('[data-prescreen]')?.shadowRoot?.activeElement;
    return focused ? { tag: focused.tagName.toLowerCase(), name: focused.getAttribute('name'), className: focused.className } : null;
  });
}
