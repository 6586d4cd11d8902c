// Size report (not a test): where the bytes of the widget's .wasm go, by crate and by largest
// function, from `twiggy top` on the release build after wasm-bindgen and before wasm-opt, which
// keeps the names. After wasm-bindgen, because the build before it also holds wasm-bindgen's
// describe functions (about 377 KB in the seed build), which it runs at build time and removes: they
// never ship. The build is the one scripts/build.sh makes last: the one for the compiled-in trial
// alone (dist/prescreen-seed_bg.wasm, what the default page loads), not the one that reads URLs.
// Usage: node bench/size-report.mjs   (after scripts/build.sh; needs `cargo install twiggy` and the
// wasm-bindgen-cli scripts/setup.sh installs)
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../tests/e2e/browser.mjs';

const built = join(ROOT, 'target', 'wasm32-unknown-unknown', 'release', 'prescreen-widget.wasm');
const out = mkdtempSync(join(tmpdir(), 'prescreen-size-'));
execFileSync('wasm-bindgen', ['--target', 'web', '--no-typescript', '--out-dir', out, '--out-name', 'widget', built]);
const wasm = join(out, 'widget_bg.wasm');
const csv = execFileSync('twiggy', ['top', '-n', '1000000', '--format', 'csv', wasm], { encoding: 'utf8', maxBuffer: 1 << 28 });
rmSync(out, { recursive: true, force: true });
const rows = csv.trim().split('\n').slice(1).map((line) => {
  const match = line.match(/^(?:"((?:[^"]|"")*)"|([^,]*)),(\d+),([\d.]+)/);
  return match ? { item: (match[1] ?? match[2]).replace(/""/g, '"'), bytes: Number(match[3]) } : null;
}).filter(Boolean);

// Custom sections and names are not shipped: wasm-opt drops them.
const shipped = rows.filter((row) => !/^custom section|subsection$/.test(row.item));
const crateOf = (item) => {
  if (item.startsWith('data segment')) return '(data: string constants, the compiled-in trial and CSS)';
  const path = item.replace(/^<+/, '').replace(/^&(mut )?/, '');
  // The first crate path in the name: an impl block counts for the type's crate.
  const crate = path.match(/([a-z_][a-z0-9_]*)(\[[0-9a-f]+\])?::/);
  return crate ? crate[1] : '(other: glue, tables, generic code)';
};
const byCrate = new Map();
for (const row of shipped) byCrate.set(crateOf(row.item), (byCrate.get(crateOf(row.item)) ?? 0) + row.bytes);
const total = shipped.reduce((sum, row) => sum + row.bytes, 0);
console.log(`## .wasm by crate (after wasm-bindgen, before wasm-opt; ${total} bytes of code and data)\n`);
console.log('| crate | bytes | share |\n|---|---:|---:|');
for (const [crate, bytes] of [...byCrate].sort((a, b) => b[1] - a[1]).slice(0, 15)) {
  console.log(`| ${crate} | ${bytes} | ${(100 * bytes / total).toFixed(1)} % |`);
}
console.log('\n## Largest functions\n\n| bytes | function |\n|---:|---|');
for (const row of shipped.filter((row) => !row.item.startsWith('data segment')).slice(0, 12)) {
  console.log(`| ${row.bytes} | \`${row.item.replace(/::h[0-9a-f]{16}$/, '').slice(0, 110)}\` |`);
}
