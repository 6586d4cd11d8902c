#!/usr/bin/env bash
# How load and per-answer cost grow with the size of a definition: the native table
# (examples/scale.rs), then the engine alone and the whole widget in headless Chromium with CPU
# throttling (bench/scale-browser.mjs; options such as --runs 5 --throttle 4 pass through).
# For statistically careful native figures: cargo bench --bench engine.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
scripts/build.sh >/dev/null
echo "## Native (release build, this machine)"
echo
cargo run --quiet --release --example scale -- --write target/scale-definitions
cargo build --quiet --release --target wasm32-unknown-unknown --features ui --example engine_in_browser
wasm-bindgen --target web --out-dir target/engine-in-browser \
  target/wasm32-unknown-unknown/release/examples/engine_in_browser.wasm
echo
node bench/scale-browser.mjs "$@"
