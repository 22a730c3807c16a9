#!/usr/bin/env bash
# Installs the Debian packages the lab and the tests need, only those missing.
#   --with-test-tools   also Chromium (Playwright's browser here) and docker-compose (checks docker/compose.yml)
set -euo pipefail
want=()
command -v java >/dev/null || want+=(openjdk-17-jre-headless)
command -v mvn >/dev/null || want+=(maven)
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || want+=(postgresql-15)
if [[ "${1:-}" == "--with-test-tools" ]]; then
  command -v chromium >/dev/null || want+=(chromium fonts-dejavu-core)
  command -v docker-compose >/dev/null || want+=(docker-compose)
fi
[[ ${#want[@]} -eq 0 ]] && exit 0
echo "[system] missing Debian packages: ${want[*]}"
if [[ $(id -u) -ne 0 ]]; then
  echo "[system] run as root (or with sudo): apt-get update && apt-get install -y ${want[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${want[@]}" >/dev/null
# Debian's postgresql package starts a cluster on 5432; the lab uses its own, so that one may stay as it is.
echo "[system] installed: ${want[*]}"
