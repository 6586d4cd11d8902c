#!/usr/bin/env bash
# Builds the release widget into dist/ with Trunk, using only locally installed tools.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
cargo fetch --quiet
trunk build --release --offline --dist dist "$@"
node scripts/package-dist.mjs dist
