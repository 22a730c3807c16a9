#!/usr/bin/env bash
# npm ci when node_modules is missing or older than the lock file (postinstall generates the Prisma client).
set -euo pipefail
cd "$(dirname "$0")/.."
# A worktree whose node_modules links to another checkout's shares that install: reinstalling here would replace
# the link (and race whoever else uses it). Install in the checkout it points to instead.
if [[ -L node_modules ]]; then
  [[ -d lib/generated/prisma ]] || npm run -s prisma:generate
  exit 0
fi
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  npm ci --no-audit --no-fund
elif [[ ! -d lib/generated/prisma ]]; then
  npm run -s prisma:generate
fi
