#!/usr/bin/env bash
# Builds the release widget into dist/ with Trunk, using only locally installed tools: two builds,
# one that reads definition files and catalogues by URL and one for the compiled-in trial alone.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
cargo fetch --quiet
# The widget that reads definition and catalogue URLs (index.html: features ui,by-url), into dist/.
trunk build --release --offline --dist dist "$@"
# The widget for the compiled-in trial alone (seed.html: feature ui only), which leaves the loader,
# the catalogue and the portal out; embed/prescreen.js loads it when no widget needs a URL.
trunk build --release --offline --dist target/seed-dist seed.html
cp target/seed-dist/prescreen-widget.js dist/prescreen-seed.js
cp target/seed-dist/prescreen-widget_bg.wasm dist/prescreen-seed_bg.wasm
# The start page the entry points show while the WebAssembly loads, written by the widget's own
# components (src/ui/prerender.rs, Yew's server-side rendering, natively).
cargo run --quiet --features prerender --bin prescreen-prerender > target/early-start.json
node scripts/package-dist.mjs dist target/early-start.json
