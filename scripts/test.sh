#!/usr/bin/env bash
# The whole test suite from a fresh clone: installs what is missing, brings the lab up (or reuses it),
# then type-checks, runs the S3 sink's Java tests (Maven), unit + integration tests (Vitest) and end-to-end tests
# (Playwright + Chromium); with LAB_TEST_CLUSTER=1 also the cluster profile's tests (scripts/test-cluster.sh).
set -uo pipefail
export NODE_NO_WARNINGS=1  # the AWS SDK warns on every start about Node 20 support ending in 2027
cd "$(dirname "$0")/.."
set -e
bash scripts/ensure-system.sh --with-test-tools
bash scripts/ensure-node-deps.sh
npm run -s lab:up
set +e
mkdir -p test-results
# Reports of an earlier run must not count in this one.
rm -f test-results/vitest*.json test-results/e2e.json
status=0
step() { echo; echo "== $*"; "$@" || status=1; }
# The S3 sink's JUnit tests (Maven `test`: nothing is installed into .lab/plugins). Offline first, since the lab's
# jars are in ~/.m2 already; online only when Maven could not resolve something offline (before any test ran).
java_tests() {
  local pom=lab/s3-sink/pom.xml reports=lab/s3-sink/target/surefire-reports log=test-results/maven-test.log
  rm -rf "$reports"
  if mvn -B -q -o -f "$pom" test >"$log" 2>&1; then return 0; fi
  if [ ! -d "$reports" ] && grep -qiE "offline mode|could not resolve|cannot access" "$log"; then
    echo "(some Maven artifacts are not in ~/.m2: resolving them from Maven Central)"
    mvn -B -q -f "$pom" test >"$log" 2>&1 && return 0
  fi
  grep -E "Tests run:|FAIL|ERROR\]" "$log" | head -40
  echo "(full Maven output: $log)"
  return 1
}
step npx tsc --noEmit
step npm run -s lint
step npm run -s knip
step java_tests
step npx vitest run --project unit --project integ --reporter=default --reporter=json --outputFile.json=test-results/vitest.json
# Fault tests stop and restart the lab's services: alone, after the integration tests (each restores what it stopped).
step npx vitest run --project faults --reporter=default --reporter=json --outputFile.json=test-results/vitest-faults.json
step npm run -s build
step npx playwright test
# The cluster profile's fault tests (README, "The lab as a cluster"), on request: a cluster lab of its own on the
# cluster's ports (even when the single lab was moved with LAB_*_PORT), stopped afterwards; about 4 minutes more.
if [ "${LAB_TEST_CLUSTER:-0}" = 1 ]; then
  step env -u LAB_PG_PORT -u LAB_KAFKA_PORT -u LAB_KAFKA_CONTROLLER_PORT -u LAB_CONNECT_PORT -u LAB_S3_PORT -u LAB_DIR \
    LAB_CLUSTER_DOWN=1 bash scripts/test-cluster.sh --reporter=default --reporter=json --outputFile.json=test-results/vitest-cluster.json
fi
if command -v docker-compose >/dev/null; then
  step env CONSOLE_OPERATOR_PASSWORD=compose-check docker-compose -f docker/compose.yml config -q
fi
node scripts/test-summary.mjs || status=1
exit $status
