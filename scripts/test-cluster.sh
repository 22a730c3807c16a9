#!/usr/bin/env bash
# The cluster-profile tests: start the lab as a cluster (3 brokers, 2 Connect workers; reused when it runs), then run
# the *.cluster.test.ts files against it. Ports and folder: the cluster profile's defaults (README, "The lab as a
# cluster"), or LAB_PG_PORT, LAB_KAFKA_PORT, … and LAB_DIR as given. LAB_CLUSTER_DOWN=1 stops the lab afterwards.
set -uo pipefail
export NODE_NO_WARNINGS=1
cd "$(dirname "$0")/.."
export LAB_PROFILE=cluster
export LAB_DIR="${LAB_DIR:-$PWD/.lab/cluster}"
started=$(date +%s)
npm run -s lab:up || exit 1
echo "(cluster lab ready in $(( $(date +%s) - started )) s)"
npx vitest run --project cluster "$@"
status=$?
if [ "${LAB_CLUSTER_DOWN:-0}" = 1 ]; then npm run -s lab:down; fi
exit $status
