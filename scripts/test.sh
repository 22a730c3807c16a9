#!/usr/bin/env bash
# The whole test suite from a fresh clone: installs what is missing, brings the lab up (or reuses it),
# then type-checks, runs unit + integration tests (Vitest) and end-to-end tests (Playwright + Chromium).
set -uo pipefail
export NODE_NO_WARNINGS=1  # the AWS SDK warns on every start about Node 20 support ending in 2027
cd "$(dirname "$0")/.."
set -e
bash scripts/ensure-system.sh --with-test-tools
bash scripts/ensure-node-deps.sh
npm run -s lab:up
set +e
mkdir -p test-results
status=0
step() { echo; echo "== $*"; "$@" || status=1; }
step npx tsc --noEmit
step npm run -s lint
step npm run -s knip
step npx vitest run --reporter=default --reporter=json --outputFile.json=test-results/vitest.json
step npm run -s build
step npx playwright test
if command -v docker-compose >/dev/null; then
  step env CONSOLE_OPERATOR_PASSWORD=compose-check docker-compose -f docker/compose.yml config -q
fi
node scripts/test-summary.mjs || status=1
exit $status
