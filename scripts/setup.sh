#!/usr/bin/env bash
# Installs what building and testing Prescreen needs, skipping what is already there.
# Every tool comes from a package registry (crates.io, Debian, npm); nothing downloads a
# prebuilt binary from elsewhere. Safe to run again: a second run only checks versions.
set -euo pipefail
cd "$(dirname "$0")/.."

trunk_version=0.21.14
# wasm-bindgen-cli must equal the wasm-bindgen crate that Cargo.lock pins.
wasm_bindgen_version=$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/"/, "", $3); print $3}' Cargo.lock 2>/dev/null || true)
wasm_bindgen_version=${wasm_bindgen_version:-0.2.130}

say() { printf '[setup] %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# The three browser engines patients use, and a Chinese font so that screenshots of the zh-Hans
# screens show characters rather than empty boxes (patients' devices have their own fonts):
# - Chromium (Chrome, Edge, Samsung Internet) with its driver;
# - WebKitGTK (Safari's engine, and every browser on iOS): webkit2gtk-driver brings WebKitWebDriver and
#   MiniBrowser, which needs an X display, so xvfb gives it a virtual one;
# - Firefox ESR (many hospital workstations), driven over WebDriver BiDi by puppeteer-core.
# apt-get runs only when one of them is missing, so a second run costs nothing.
debian_packages=(chromium chromium-driver fonts-wqy-microhei webkit2gtk-driver xvfb firefox-esr)
if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null || [ ! -d /usr/share/fonts/truetype/wqy ] \
  || ! command -v WebKitWebDriver >/dev/null || ! command -v Xvfb >/dev/null || ! command -v firefox-esr >/dev/null; then
  say "installing Debian's ${debian_packages[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${debian_packages[@]}" >/dev/null
fi

if [ "$(trunk --version 2>/dev/null)" != "trunk $trunk_version" ]; then
  say "installing trunk $trunk_version (several minutes on 2 cores)"
  cargo install trunk --version "=$trunk_version" --locked
fi

if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $wasm_bindgen_version" ]; then
  say "installing wasm-bindgen-cli $wasm_bindgen_version"
  # Without --locked: the CLI's own lock file names a crate version this registry lacks.
  cargo install wasm-bindgen-cli --version "=$wasm_bindgen_version"
fi

# npm packages (playwright-core, puppeteer-core, selenium-webdriver, axe-core, binaryen's wasm-opt) exactly as package-lock.json pins them.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm packages from package-lock.json"
  npm ci --no-audit --no-fund --loglevel=error
fi
