#!/usr/bin/env bash
# First start of postgres_oltp only (the image runs /docker-entrypoint-initdb.d/* when the data volume is empty):
# the OLTP schema and seed into liga_sudoers (POSTGRES_DB), then the console's own database lab_console.
# The lab's SQL is mounted read-only at /lab/sql (../lab/sql in the repository).
set -euo pipefail

psql_as_sudoers() {
  psql -v ON_ERROR_STOP=1 --no-psqlrc --username "$POSTGRES_USER" "$@"
}

for f in oltp-schema.sql oltp-seed.sql; do
  echo "init-oltp: $f -> $POSTGRES_DB"
  psql_as_sudoers --dbname "$POSTGRES_DB" -f "/lab/sql/$f"
done

echo "init-oltp: database lab_console"
psql_as_sudoers --dbname postgres -c "CREATE DATABASE lab_console OWNER \"$POSTGRES_USER\""
