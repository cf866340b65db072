#!/usr/bin/env bash
# README command 1: installs dependencies, then runs the whole product (see scripts/start.mjs).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
exec node scripts/start.mjs "$@"
