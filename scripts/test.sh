#!/usr/bin/env bash
# README command 2: installs what the tests need and runs every test against the local PostgreSQL and Redis.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
if [ ! -x /usr/bin/chromium ]; then
  if [ "$(id -u)" = 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-wqy-microhei >/dev/null
  else
    echo "Browser tests need Chromium and a CJK font: sudo apt-get install -y chromium fonts-wqy-microhei" >&2
    exit 1
  fi
fi
exec node scripts/test.mjs "$@"
