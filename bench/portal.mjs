// Benchmark (not a test): a portal at scale, in headless Chromium with the CPU throttled. A
// catalogue of generated trials (scripts/generate-catalogue.mjs: the question bank by reference,
// plus questions of each trial's own) is served with the built widget, and timed inside the page:
//   load       the last trial's response received -> the start screen in the DOM, plus one task:
//              reading and checking every trial, the shared-question checks, the first evaluation
//   per answer Continue pressed -> the next question in the DOM, plus one task; median
//
//   node bench/portal.mjs [--trials 50] [--own 20] [--runs 5] [--throttle 4] [--answers 15]
// (needs dist/ from scripts/build.sh)
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { startServer } from '../tests/e2e/server.mjs';
import { DIST, launch, ROOT } from '../tests/e2e/browser.mjs';

const argument = (name, fallback) => {
  const index = process.argv.indexOf(name);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
};
const TRIALS = argument('--trials', 50);
const OWN = argument('--own', 20);
const RUNS = argument('--runs', 5);
const THROTTLE = argument('--throttle', 4);
const ANSWERS = argument('--answers', 15);

const site = join(ROOT, 'target', 'portal-site');
mkdirSync(site, { recursive: true });
execFileSync('node', [join(ROOT, 'scripts', 'generate-catalogue.mjs'), '--trials', String(TRIALS), '--own', String(OWN), '--out', join(site, 'trials')], { stdio: 'ignore' });
for (const file of ['prescreen.js', 'prescreen-widget.js', 'prescreen-widget_bg.wasm', 'prescreen-seed.js', 'prescreen-seed_bg.wasm']) copyFileSync(join(DIST, file), join(site, file));
writeFileSync(join(site, 'portal.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>portal</title>
<script type="module" src="prescreen.js"></script></head>
<body><div data-prescreen data-catalogue-url="trials/catalogue.json"></div></body></html>`);
const questionsPerTrial = (() => {
  const files = readdirSync(join(site, 'trials')).filter((name) => name.startsWith('generated-'));
  return files.length;
})();

function instrument() {
  const bench = (window.__portal = { shadow: null });
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attach.call(this, init);
    bench.shadow = root;
    new MutationObserver(() => bench.onChange?.()).observe(root, { childList: true, subtree: true, attributes: true });
    return root;
  };
  const task = () => new Promise((resolve) => { const channel = new MessageChannel(); channel.port1.onmessage = resolve; channel.port2.postMessage(0); });
  bench.when = (found) => new Promise((resolve) => {
    const check = () => { if (bench.shadow && found(bench.shadow)) { bench.onChange = null; task().then(() => resolve(performance.now())); return true; } return false; };
    if (!check()) bench.onChange = check;
  });
  bench.startShown = bench.when((root) => root.querySelector('.ps-button--start'));
}

async function sample(browser, url) {
  const context = await browser.newContext();
  const tab = await context.newPage();
  const cdp = await context.newCDPSession(tab);
  if (THROTTLE !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
  await tab.addInitScript(instrument);
  await tab.goto(url);
  const result = await tab.evaluate(async ({ answers }) => {
    const bench = window.__portal;
    const shown = await bench.startShown;
    const trials = performance.getEntriesByType('resource').filter((entry) => entry.name.includes('/trials/'));
    const lastResponse = Math.max(...trials.map((entry) => entry.responseEnd));
    const root = bench.shadow;
    const questionNow = () => root.querySelector('[data-question]')?.getAttribute('data-question');
    root.querySelector('.ps-button--start').click();
    await bench.when(() => questionNow());
    const perAnswer = [];
    for (let index = 0; index < answers; index += 1) {
      const before = questionNow();
      if (!before) break;
      const choice = root.querySelector('input[value="unknown"]') ?? root.querySelector('.ps-choice__input');
      const text = root.querySelector('input[type="text"]');
      if (choice) choice.click();
      else if (text) { text.value = '45'; text.dispatchEvent(new InputEvent('input', { bubbles: true })); }
      else break;
      const started = performance.now();
      root.querySelector('button[type="submit"]').click();
      const next = await bench.when(() => questionNow() !== before);
      perAnswer.push(next - started);
    }
    return { load: shown - lastResponse, fromNavigation: shown, files: trials.length, perAnswer };
  }, { answers: ANSWERS });
  await context.close();
  return result;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const server = await startServer(site);
const browser = await launch();
const loads = [], navigations = [], answers = [];
let files = 0;
for (let run = 0; run < RUNS; run += 1) {
  const result = await sample(browser, `${server.url}portal.html`);
  loads.push(result.load);
  navigations.push(result.fromNavigation);
  answers.push(median(result.perAnswer));
  files = result.files;
}
await browser.close();
await server.close();
console.log(`## A portal of ${TRIALS} generated trials (${OWN} questions of their own each, plus the bank's), CPU throttle ${THROTTLE}×, median of ${RUNS} loads\n`);
console.log('| | time |');
console.log('|---|---:|');
console.log(`| load: last trial received → start screen (read and check ${TRIALS} trials, shared questions, first evaluation) | ${median(loads).toFixed(1)} ms |`);
console.log(`| navigation → start screen (${files} files fetched: the catalogue and every trial) | ${median(navigations).toFixed(1)} ms |`);
console.log(`| per answer: Continue → next question (median of ${ANSWERS} answers per load) | ${median(answers).toFixed(1)} ms |`);
void questionsPerTrial;
