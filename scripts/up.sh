#!/usr/bin/env bash
# From a fresh clone: system packages, npm packages, jars, the lab, then the console on http://127.0.0.1:3000.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-system.sh
bash scripts/ensure-node-deps.sh
npm run -s lab:up
if [[ ! -f .next/BUILD_ID || -n "$(find app components lib data -newer .next/BUILD_ID -type f -print -quit 2>/dev/null)" ]]; then
  npm run -s build
fi
echo "[console] http://${CONSOLE_HOST:-127.0.0.1}:${CONSOLE_PORT:-3000}  (Ctrl+C stops the console; npm run lab:down stops the lab)"
exec npm run -s start
