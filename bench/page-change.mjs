// Benchmark (not a test): one page change, timed inside the page in headless Chromium with the CPU
// throttled. The seed's eligible case is answered through the UI; for each Continue, the time from
// the press to the next question in the DOM, plus one task (the browser's style, layout and focus
// work that follows in the same frame is in it: the next question's heading takes focus).
//
//   node bench/page-change.mjs [DIST ...] [--runs 5] [--throttle 4]
//
// With several builds (dist folders from scripts/build.sh, default dist/), they are measured
// interleaved, run by run, so that a before and an after share the machine's state.
import { join } from 'node:path';
import { startServer } from '../tests/e2e/server.mjs';
import { completeThroughUi, launch, ROOT, seedCase } from '../tests/e2e/browser.mjs';

const argument = (name, fallback) => {
  const index = process.argv.indexOf(name);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
};
const RUNS = argument('--runs', 5);
const THROTTLE = argument('--throttle', 4);
const builds = process.argv.slice(2).filter((value, index, all) => !value.startsWith('--') && !all[index - 1]?.startsWith('--'));
if (!builds.length) builds.push(join(ROOT, 'dist'));

/** In the page: the time from each press of Continue to the next question, plus one task. */
function instrument() {
  const changes = (window.__pageChanges = []);
  const attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attach.call(this, init);
    const question = () => root.querySelector('[data-question]')?.getAttribute('data-question') ?? null;
    let pressed = null;
    root.addEventListener('click', (event) => {
      if (event.target.closest?.('button[type="submit"]')) pressed = { at: performance.now(), from: question() };
    }, true);
    new MutationObserver(() => {
      if (!pressed || question() === pressed.from || question() === null) return;
      const started = pressed.at;
      pressed = null;
      const channel = new MessageChannel();
      channel.port1.onmessage = () => changes.push(performance.now() - started);
      channel.port2.postMessage(0);
    }).observe(root, { childList: true, subtree: true, attributes: true });
    return root;
  };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const browser = await launch();
const servers = await Promise.all(builds.map((dist) => startServer(dist)));
const perBuild = builds.map(() => []);
for (let run = 0; run < RUNS; run += 1) {
  for (const [index, server] of servers.entries()) {
    const context = await browser.newContext({ viewport: { width: 1024, height: 900 } });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    if (THROTTLE !== 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
    await page.addInitScript(instrument);
    await page.goto(server.url);
    const shown = await completeThroughUi(page, seedCase('eligible_woman'));
    if (shown.outcome !== 'likely_eligible') throw new Error(`${builds[index]}: the walk ended ${shown.outcome}`);
    const changes = await page.evaluate(() => window.__pageChanges);
    perBuild[index].push(median(changes));
    console.log(`run ${run + 1} ${builds[index]}: ${changes.length} page changes, median ${median(changes).toFixed(1)} ms`);
    await context.close();
  }
}
await browser.close();
for (const server of servers) await server.close();
console.log(`\n## One page change: Continue → next question, CPU throttle ${THROTTLE}×, median over ${RUNS} walks of each walk's median\n`);
console.log('| build | page change |\n|---|---:|');
for (const [index, dist] of builds.entries()) console.log(`| ${dist} | ${median(perBuild[index]).toFixed(1)} ms |`);
