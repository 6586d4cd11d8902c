#!/usr/bin/env bash
# One command to see the widget: installs what is missing, builds the release widget on the
# compiled-in seed trial, and serves it at http://127.0.0.1:8080/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh
exec node tests/e2e/server.mjs dist "${PORT:-8080}"
