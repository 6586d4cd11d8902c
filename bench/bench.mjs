// Benchmark (not a test): prints the bytes the widget ships (raw / gzip -9 / brotli 11) and how
// fast it is in headless Chromium: time to the first screen, to the first question, and per answer.
// Usage: node bench/bench.mjs [--runs N] [--throttle RATE]   (after scripts/build.sh)
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { startServer } from '../tests/e2e/server.mjs';
import { completeThroughUi, launch, ROOT, seedCase } from '../tests/e2e/browser.mjs';

const argument = (name, fallback) => {
  const index = process.argv.indexOf(name);
  return index > 0 ? Number(process.argv[index + 1]) : fallback;
};
const RUNS = argument('--runs', 5);
const THROTTLE = argument('--throttle', 1);
const DIST = join(ROOT, 'dist');

const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

console.log('## Shipped bytes (dist/)\n');
console.log('| file | raw | gzip -9 | brotli 11 |\n|---|---:|---:|---:|');
const totals = { raw: 0, gzip: 0, brotli: 0 };
const sizesByFile = new Map();
// Every file, those in folders (dist/trials/) by their path, as a page requests them.
const files = readdirSync(DIST, { recursive: true, withFileTypes: true })
  .filter((entry) => entry.isFile())
  .map((entry) => relative(DIST, join(entry.parentPath ?? entry.path, entry.name)))
  .sort();
for (const name of files) {
  const body = readFileSync(join(DIST, name));
  const sizes = {
    raw: body.length,
    gzip: gzipSync(body, { level: 9 }).length,
    brotli: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
  for (const key of Object.keys(totals)) totals[key] += sizes[key];
  sizesByFile.set(name, sizes);
  console.log(`| ${name.replace(/-[0-9a-f]{15,16}(_bg)?\./, '$1.')} | ${sizes.raw} | ${sizes.gzip} | ${sizes.brotli} |`);
}
console.log(`| all files in dist/ (demo pages and both entry points included) | ${totals.raw} | ${totals.gzip} | ${totals.brotli} |`);

const server = await startServer(DIST);
const browser = await launch();
const seed = seedCase('eligible_woman');
const samples = { firstScreen: [], firstQuestion: [], perAnswer: [] };

// What a page really loads: every file the browser asked for, summed from the table above.
async function loadedBytes(path) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const files = new Set();
  page.on('request', (request) => files.add(new URL(request.url()).pathname.slice(1) || 'index.html'));
  await page.goto(`${server.url}${path}`);
  await page.locator('.ps-button--start').waitFor();
  await context.close();
  const sum = { raw: 0, gzip: 0, brotli: 0 };
  for (const file of files) for (const key of Object.keys(sum)) sum[key] += sizesByFile.get(file)?.[key] ?? 0;
  return { files: [...files].sort(), sum };
}
console.log('\n## Bytes a page loads before the first screen\n');
console.log('| page | files | raw | gzip -9 | brotli 11 |\n|---|---|---:|---:|---:|');
for (const path of ['index.html', 'strict-csp.html']) {
  const { files, sum } = await loadedBytes(path);
  console.log(`| ${path} | ${files.join(', ')} | ${sum.raw} | ${sum.gzip} | ${sum.brotli} (${kib(sum.brotli)}) |`);
}
for (let run = 0; run < RUNS; run += 1) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: THROTTLE });
  const started = Date.now();
  await page.goto(server.url);
  await page.getByRole('button', { name: 'Start' }).waitFor();
  samples.firstScreen.push(Date.now() - started);
  const clicked = Date.now();
  await page.getByRole('button', { name: 'Start' }).click();
  await page.locator('input[name="age_years"]').waitFor();
  samples.firstQuestion.push(Date.now() - clicked);
  // Per answer: from Continue to the next question on screen, for the number questions of the eligible case.
  for (const [id, value] of [['age_years', 45]]) {
    await page.locator(`input[name="${id}"]`).fill(String(value));
    const before = Date.now();
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.locator('[data-question="sex"]').waitFor();
    samples.perAnswer.push(Date.now() - before);
  }
  await context.close();
}
// Memory after answering a whole case: the V8 heap after a forced GC plus the WebAssembly linear
// memory (which no JS heap figure includes), as the peers' harness reports it.
const memory = [];
for (let run = 0; run < Math.min(RUNS, 3); run += 1) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__wasmMemories = [];
    const remember = (result) => {
      const instance = result.instance ?? result;
      for (const value of Object.values(instance.exports ?? {})) if (value instanceof WebAssembly.Memory) window.__wasmMemories.push(value);
      return result;
    };
    for (const name of ['instantiate', 'instantiateStreaming']) {
      const original = WebAssembly[name];
      WebAssembly[name] = (...args) => original.apply(WebAssembly, args).then(remember);
    }
  });
  const cdp = await context.newCDPSession(page);
  await page.goto(server.url);
  await completeThroughUi(page, seed);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const wasmBytes = await page.evaluate(() => window.__wasmMemories.reduce((sum, memory) => sum + memory.buffer.byteLength, 0));
  memory.push({ heap: usedSize, wasm: wasmBytes });
  await context.close();
}
await browser.close();
await server.close();
console.log(`\n## Timings in headless Chromium (median of ${RUNS}, CPU throttle ${THROTTLE}×, wall clock incl. Playwright round trips)\n`);
console.log(`| metric | median |\n|---|---:|`);
console.log(`| navigation → start screen interactive | ${median(samples.firstScreen)} ms |`);
console.log(`| Start → first question on screen | ${median(samples.firstQuestion)} ms |`);
console.log(`| Continue → next question on screen | ${median(samples.perAnswer)} ms |`);
const mib = (bytes) => `${(bytes / 1048576).toFixed(2)} MB`;
console.log(`| after answering everything: JS heap (after GC) | ${mib(median(memory.map((sample) => sample.heap)))} |`);
console.log(`| after answering everything: Wasm linear memory | ${mib(median(memory.map((sample) => sample.wasm)))} |`);
console.log(`| after answering everything: JS heap + Wasm memory | ${mib(median(memory.map((sample) => sample.heap + sample.wasm)))} |`);
console.log(`\n(scenario: ${seed.description})`);
