// The connection part of a Debezium PostgreSQL source on the lab's OLTP database, as Kafka Connect reaches it: what
// every test that registers its own source starts from (the end-to-end specs through e2e/support/lab.ts).
import type { AppConfig } from "../lib/config-core";

export function debeziumConnection(cfg: AppConfig, user = cfg.postgres.user, password = cfg.postgres.password): Record<string, string> {
  return {
    "connector.class": "io.debezium.connector.postgresql.PostgresConnector",
    "database.hostname": cfg.postgres.hostForConnect,
    "database.port": String(cfg.postgres.port),
    "database.user": user,
    "database.password": password,
    "database.dbname": cfg.postgres.oltpDatabase,
    "plugin.name": "pgoutput",
  };
}
