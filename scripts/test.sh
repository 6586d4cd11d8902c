#!/usr/bin/env bash
# One command for every test: installs what is missing, then runs the native engine tests, the
# component tests in headless Chromium, and the end-to-end tests on the release build, first the
# Chromium-only ones, then the three-engine suite (Chromium, WebKitGTK, Firefox ESR).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"

step() { printf '\n== %s\n' "$*"; }

step "formatting and lints"
cargo fmt --all -- --check
cargo clippy --quiet --all-targets -- -D warnings
# The start page written at build time (src/ui/prerender.rs): the widget's components, natively.
cargo clippy --quiet --features prerender --lib --bins -- -D warnings
# Both builds of the widget: without and with reading definitions and catalogues by URL.
cargo clippy --quiet --features ui --target wasm32-unknown-unknown --lib --bins -- -D warnings
cargo clippy --quiet --features ui,by-url --target wasm32-unknown-unknown --lib --bins --test widget --example engine_in_browser -- -D warnings

step "native engine tests (cargo test)"
cargo test --quiet

step "component tests in headless Chromium (wasm-bindgen-test, release profile as shipped)"
cargo test --release --features ui,by-url --target wasm32-unknown-unknown --test widget

step "release build (trunk)"
scripts/build.sh

step "end-to-end tests in headless Chromium (playwright-core)"
# Every test file but the three-engine ones, which the next step runs (once, in all three engines).
node --test --test-concurrency=1 $(ls tests/e2e/*.test.mjs | grep -v '/every-engine')

step "end-to-end tests in Chromium, WebKitGTK and Firefox ESR (tests/e2e/engines/; docs/browsers.md)"
node --test --test-concurrency=1 tests/e2e/every-engine*.test.mjs
