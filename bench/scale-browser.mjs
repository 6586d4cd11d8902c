// Benchmark (not a test): how the widget's load and per-answer cost grow with the size of the
// definition, in headless Chromium with CPU throttling. Each definition is fetched by URL
// (data-definition-url), like a portal's own trial file, and answered page by page ("I don't know"
// where a question offers it).
//
//   bench/scale.sh [--runs N] [--throttle RATE] [--answers N]   # builds what it needs, then runs this
//
// Timings are taken inside the page (performance.now(), no Playwright round trips). The widget:
//   load       definition response received -> start screen in the DOM, plus one task (interactive)
//   per answer Continue pressed -> the next question in the DOM, plus one task; median over the answers
// (a MutationObserver on the widget's shadow root sees each change as it lands). The engine alone
// (examples/engine_in_browser.rs, the same engine code in WebAssembly, without rendering):
//   load       Definition::load of the file's text plus the first evaluation: the first and second
//              time on a page, and the median of the ninth to sixteenth (V8's optimised code)
//   per answer one answer and the in-place re-evaluation after it, averaged over up to 200 answers
import { copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServer } from '../tests/e2e/server.mjs';
import { DIST, launch, ROOT } from '../tests/e2e/browser.mjs';

const argument = (name, fallback) => {
  const index = process.argv.indexOf(name);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
};
const RUNS = argument('--runs', 5);
const THROTTLE = argument('--throttle', 4);
const ANSWERS = argument('--answers', 9);
const GENERATED = join(ROOT, 'target', 'scale-definitions');
const ENGINE = join(ROOT, 'target', 'engine-in-browser');
if (!existsSync(GENERATED) || !existsSync(ENGINE)) {
  console.error(`Missing ${GENERATED} or ${ENGINE}: run bench/scale.sh, which builds them`);
  process.exit(1);
}

// A scratch site: the widget's files, the definitions, one page per definition.
const site = join(ROOT, 'target', 'scale-site');
mkdirSync(site, { recursive: true });
for (const file of ['prescreen.js', 'prescreen-widget.js', 'prescreen-widget_bg.wasm', 'prescreen-seed.js', 'prescreen-seed_bg.wasm']) copyFileSync(join(DIST, file), join(site, file));
const definitions = readdirSync(GENERATED).filter((name) => /^generated-\d+\.json$/.test(name))
  .sort((a, b) => Number(a.match(/\d+/)[0]) - Number(b.match(/\d+/)[0]));
copyFileSync(join(ROOT, 'trials', 'cd123-car-t-aml.json'), join(site, 'seed.json'));
for (const name of definitions) copyFileSync(join(GENERATED, name), join(site, name));
const page = (definition) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>scale</title>
<script type="module" src="prescreen.js"></script></head>
<body><div data-prescreen data-definition-url="${definition}"></div></body></html>`;
for (const name of ['seed.json', ...definitions]) writeFileSync(join(site, `${name}.html`), page(name));
for (const file of ['engine_in_browser.js', 'engine_in_browser_bg.wasm']) copyFileSync(join(ENGINE, file), join(site, file));
writeFileSync(join(site, 'engine.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>engine</title>
<script type="module">
import init, { load } from './engine_in_browser.js';
await init({ module_or_path: './engine_in_browser_bg.wasm' });
window.runEngine = async (url, answers) => {
  const text = await (await fetch(url)).text();
  // The first load on a page also compiles the engine's code (V8 compiles WebAssembly lazily);
  // the second shows the cost of the definition itself, still largely in V8's baseline tier. V8
  // optimises hot functions in the background, which at 4x CPU is still under way in loads 4 to 8
  // of a large definition (500 questions: 21-47 ms there, 11-15 ms from the ninth), so loads 9
  // to 16 show the compiled steady state.
  const loads = [];
  let session;
  for (const _ of Array(16)) {
    session?.free();
    const started = performance.now();
    session = load(text);
    loads.push(performance.now() - started);
  }
  // Timed as a batch: one answer is below the resolution of performance.now().
  let answered = 0;
  const before = performance.now();
  while (answered < answers && session.answer_next()) answered += 1;
  const perAnswer = (performance.now() - before) / answered;
  session.free();
  const steady = loads.slice(8).sort((a, b) => a - b)[4];
  return { firstLoad: loads[0], secondLoad: loads[1], steadyLoad: steady, perAnswer, answered };
};
window.engineReady = true;
</script></head><body></body></html>`);

// Installed before navigation: watches the widget's shadow root and records when things appear.
function instrument() {
  const bench = (window.__scale = { shadow: null, changes: 0 });
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attach.call(this, init);
    bench.shadow = root;
    new MutationObserver(() => { bench.changes += 1; bench.onChange?.(); }).observe(root, { childList: true, subtree: true, attributes: true });
    return root;
  };
  const task = () => new Promise((resolve) => { const channel = new MessageChannel(); channel.port1.onmessage = resolve; channel.port2.postMessage(0); });
  // Resolves with performance.now() one task after `found()` first holds (checked on every change).
  bench.when = (found) => new Promise((resolve) => {
    const check = () => { if (bench.shadow && found(bench.shadow)) { bench.onChange = null; task().then(() => resolve(performance.now())); return true; } return false; };
    if (!check()) bench.onChange = check;
  });
  bench.startShown = bench.when((root) => root.querySelector('.ps-button--start'));
}

// A fresh browser context and tab with the CPU throttled.
async function throttledTab(browser) {
  const context = await browser.newContext();
  const tab = await context.newPage();
  const cdp = await context.newCDPSession(tab);
  if (THROTTLE !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
  return { context, tab };
}

async function engineSample(browser, url, definition) {
  const { context, tab } = await throttledTab(browser);
  await tab.goto(url);
  await tab.waitForFunction(() => window.engineReady === true);
  const result = await tab.evaluate(({ definition }) => window.runEngine(definition, 200), { definition });
  await context.close();
  return result;
}

async function sample(browser, url, definition) {
  const { context, tab } = await throttledTab(browser);
  await tab.addInitScript(instrument);
  await tab.goto(url);
  const result = await tab.evaluate(async ({ definition, answers }) => {
    const bench = window.__scale;
    const shown = await bench.startShown;
    const fetched = performance.getEntriesByType('resource').find((entry) => entry.name.endsWith(`/${definition}`));
    const load = shown - fetched.responseEnd;
    const root = bench.shadow;
    const questionNow = () => root.querySelector('[data-question]')?.getAttribute('data-question');
    let started = performance.now();
    root.querySelector('.ps-button--start').click();
    const first = await bench.when(() => questionNow());
    const firstQuestion = first - started;
    const perAnswer = [];
    for (let index = 0; index < answers; index += 1) {
      const before = questionNow();
      // "I don't know" where the question offers it; otherwise the first choice, or a number.
      const choice = root.querySelector('input[value="unknown"]') ?? root.querySelector('.ps-choice__input');
      const text = root.querySelector('input[type="text"]');
      if (choice) choice.click();
      else if (text) { text.value = '45'; text.dispatchEvent(new InputEvent('input', { bubbles: true })); }
      else break;
      started = performance.now();
      root.querySelector('button[type="submit"]').click();
      const next = await bench.when(() => questionNow() !== before);
      perAnswer.push(next - started);
    }
    return { load, firstQuestion, perAnswer };
  }, { definition, answers: ANSWERS });
  await context.close();
  return result;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const server = await startServer(site);
const browser = await launch();
const rows = [];
for (const definition of ['seed.json', ...definitions]) {
  const loads = [], firsts = [], answers = [], engineFirst = [], engineSecond = [], engineSteady = [], engineAnswers = [];
  for (let run = 0; run < RUNS; run += 1) {
    const result = await sample(browser, `${server.url}${definition}.html`, definition);
    loads.push(result.load);
    firsts.push(result.firstQuestion);
    answers.push(median(result.perAnswer));
    const engine = await engineSample(browser, `${server.url}engine.html`, definition);
    engineFirst.push(engine.firstLoad);
    engineSecond.push(engine.secondLoad);
    engineSteady.push(engine.steadyLoad);
    engineAnswers.push(engine.perAnswer);
  }
  rows.push({ definition, load: median(loads), first: median(firsts), answer: median(answers),
    engineFirst: median(engineFirst), engineSecond: median(engineSecond), engineSteady: median(engineSteady), engineAnswer: median(engineAnswers) });
}
await browser.close();
await server.close();

const nameOf = (row) => row.definition === 'seed.json' ? 'seed trial (26 questions, 22 criteria)'
  : `generated, ${row.definition.match(/\d+/)[0]} questions, ${Math.round(Number(row.definition.match(/\d+/)[0]) * 0.6)} criteria`;
console.log(`## Definition size in the browser (headless Chromium, CPU throttle ${THROTTLE}×, median of ${RUNS} loads)\n`);
console.log('| definition | engine: load + evaluate, first on the page | engine: load + evaluate, again | engine: load + evaluate, compiled (median of loads 9–16) | engine: one answer + re-evaluation | widget: definition received → start screen | widget: Start → first question | widget: Continue → next question |');
console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
for (const row of rows) {
  console.log(`| ${nameOf(row)} | ${row.engineFirst.toFixed(1)} ms | ${row.engineSecond.toFixed(1)} ms | ${row.engineSteady.toFixed(1)} ms | ${row.engineAnswer.toFixed(3)} ms | ${row.load.toFixed(1)} ms | ${row.first.toFixed(1)} ms | ${row.answer.toFixed(1)} ms |`);
}
console.log(`\n(widget: ${ANSWERS} answers per load. Engine: the first load on a page includes V8 compiling the engine's WebAssembly; per answer is a batch of up to 200 answers divided by their number.)`);
