import "server-only";
import { config } from "../../config";
import { maskSecrets, restoreMaskedSecrets } from "../../shared/secrets";
import type { ConnectorTemplateView, TemplateId } from "../shared/types";

// The two connectors of the lesson, pre-filled from the console's configuration. Real values stay here; the
// browser gets them masked and the server puts the real secrets back when the form returns the mask.

interface ConnectorTemplate {
  id: TemplateId;
  name: string;
  config: Record<string, string>;
}

export const DEBEZIUM_CLASS = "io.debezium.connector.postgresql.PostgresConnector";
export const S3_SINK_CLASS = "lab.console.connect.s3.S3SinkConnector";

/** SEED.md's Debezium source and the S3 sink to the lab's bucket. */
export function templates(): ConnectorTemplate[] {
  const c = config();
  return [
    {
      id: "debezium-postgres",
      name: "postgres-connector-pessoas",
      config: {
        "connector.class": DEBEZIUM_CLASS,
        "database.hostname": c.postgres.hostForConnect,
        "database.port": String(c.postgres.port),
        "database.user": c.postgres.user,
        "database.password": c.postgres.password,
        "database.dbname": c.postgres.oltpDatabase,
        "table.include.list": "public.pessoas",
        "topic.prefix": "liga_sudoers",
        // Debian's PostgreSQL has no decoderbufs, Debezium's default.
        "plugin.name": "pgoutput",
        "slot.name": "debezium_slot",
        "publication.name": "pessoas_pub",
        // all_tables (the default) needs a superuser; filtered only needs to own the captured tables.
        "publication.autocreate.mode": "filtered",
        "decimal.handling.mode": "double",
        "time.precision.mode": "adaptive",
        "include.schema.changes": "true",
      },
    },
    {
      id: "s3-sink",
      name: "minio-sink-connector",
      config: {
        "connector.class": S3_SINK_CLASS,
        topics: "liga_sudoers.public.pessoas",
        "s3.bucket.name": "raw",
        "s3.region": c.s3.region,
        "store.url": c.s3.endpointForConnect,
        "s3.path.style.access.enabled": String(c.s3.forcePathStyle),
        "aws.access.key.id": c.s3.accessKeyId,
        "aws.secret.access.key": c.s3.secretAccessKey,
        "topics.dir": "topics",
        "flush.size": "10",
        "rotate.interval.ms": "10000",
        "format.output.type": "jsonl",
        "path.format": "'year'=YYYY/'month'=MM/'day'=dd",
      },
    },
  ];
}

/** Templates as the browser may see them. */
export function templateViews(): ConnectorTemplateView[] {
  return templates().map((t) => ({ id: t.id, name: t.name, config: maskSecrets(t.config) }));
}

/** A form built from a template sends MASK back for the secrets it did not change: put the real values back. */
export function restoreTemplateSecrets(id: TemplateId | undefined, cfg: Record<string, string>): Record<string, string> {
  if (!id) return cfg;
  const t = templates().find((x) => x.id === id);
  return t ? restoreMaskedSecrets(cfg, t.config) : cfg;
}
