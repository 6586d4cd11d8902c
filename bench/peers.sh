#!/usr/bin/env bash
# Prescreen side by side with SurveyJS, LHC-Forms and a plain HTML form, in the peer harness
# (../shared/bench/peers). Builds the release widget, copies the harness into target/peer-bench
# (the shared folder stays untouched; the peers' code is not copied into this repository), adds
# Prescreen as one more page, and the harness's plain form asking one question per page
# (plain-paged: the floor for a paged form, see bench/peers/paged.js), and runs the harness, which
# prints its Markdown tables; then prints the size report of the .wasm (bench/size-report.mjs,
# installing twiggy if it is missing).
#
#   bench/peers.sh                 # 10 interleaved runs x {1x, 4x CPU}; about 7 minutes (8 with --before)
#   bench/peers.sh --quick         # 3 runs
#   bench/peers.sh --verify        # correctness: every scenario through every page
#   bench/peers.sh --before DIST   # also an earlier build's dist/ as the page prescreen-before,
#                                  # interleaved with the rest: a lever's before and after
# Other options pass through to the harness's bench.mjs (see its README). PEER_HARNESS=dir
# points at another copy of the harness.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
harness="${PEER_HARNESS:-../shared/bench/peers}"
work=target/peer-bench

before=""
if [ "${1:-}" = "--before" ]; then
  before="$(cd "$2" && pwd)"
  shift 2
fi

scripts/setup.sh
scripts/build.sh >/dev/null

mkdir -p "$work"
tar -C "$harness" --exclude node_modules --exclude results -cf - . | tar -C "$work" -xf -
node --input-type=module -e '
  import { readFileSync, writeFileSync } from "node:fs";
  import { shadowAware } from "./bench/peers/shadow-dom.mjs";
  const [from, to] = process.argv.slice(1);
  writeFileSync(to, shadowAware(readFileSync(from, "utf8")));
' "$harness/lib/inpage.js" "$work/lib/inpage.js"
cp bench/peers/prescreen.config.mjs bench/peers/plain-paged.mjs "$work/"
# plain-paged: the harness's plain page asking one question per page (bench/peers/paged.js, inlined
# before </body>), the floor for answering a paged form.
rm -rf "$work/plain-paged-site" && mkdir -p "$work/plain-paged-site"
node --input-type=module -e '
  import { readFileSync, writeFileSync } from "node:fs";
  const [page, script, to] = process.argv.slice(1);
  const js = readFileSync(script, "utf8");
  writeFileSync(to, readFileSync(page, "utf8").replace("</body>", () => `<script>\n${js}</script>\n</body>`));
' "$harness/site/plain/index.html" bench/peers/paged.js "$work/plain-paged-site/index.html"

site="$work/prescreen-site"
rm -rf "$site" && mkdir -p "$site"
widget_files() { ls "$1"/prescreen.js "$1"/prescreen-widget.js "$1"/prescreen-widget_bg.wasm "$1"/prescreen-seed.js "$1"/prescreen-seed_bg.wasm 2>/dev/null; }
cp $(widget_files dist) bench/peers/index.html bench/peers/bench-result.js "$site/"
rm -rf "$work/prescreen-before-site"
if [ -n "$before" ]; then
  mkdir -p "$work/prescreen-before-site"
  cp $(widget_files "$before") bench/peers/index.html bench/peers/bench-result.js "$work/prescreen-before-site/"
fi

if [ ! -f "$work/node_modules/lforms/package.json" ] || [ ! -f "$work/node_modules/playwright-core/package.json" ]; then
  (cd "$work" && npm ci --no-audit --no-fund)
fi
# The harness option --config resolves from the current folder; everything else from the harness.
(cd "$work" && PRESCREEN_BEFORE="$before" node bench.mjs --config prescreen.config.mjs "$@")

# Where the .wasm's bytes go, so the size report stays current with the figures above.
command -v twiggy >/dev/null || cargo install --quiet --locked twiggy
echo
node bench/size-report.mjs
