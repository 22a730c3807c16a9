#!/usr/bin/env bash
# npm ci when node_modules is missing or older than the lock file (postinstall generates the Prisma client).
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  npm ci --no-audit --no-fund
elif [[ ! -d lib/generated/prisma ]]; then
  npm run -s prisma:generate
fi
