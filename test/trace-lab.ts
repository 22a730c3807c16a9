// A pipeline of its own for the trace's tests and benchmark, on the lab's real services: a Debezium source on
// public.pessoas (own slot, own publication made by hand, own topic prefix, no snapshot) and the lab's S3 sink
// reading its topic into a bucket of its own. Everything is named <prefix>… and removed by cleanup().
import { CreateBucketCommand, DeleteBucketCommand, DeleteObjectsCommand, ListObjectsV2Command } from "@aws-sdk/client-s3";
import { Kafka, logLevel } from "kafkajs";
import pg from "pg";
import type { AppConfig } from "../lib/config-core";
import { debeziumConnection } from "./debezium";
import { labS3 } from "./lab-s3";

export interface TraceLab {
  source: string;
  sink: string;
  slot: string;
  publication: string;
  prefix: string;
  topic: string;
  bucket: string;
  rest(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }>; // eslint-disable-line @typescript-eslint/no-explicit-any -- Connect answers many shapes
  sql(text: string, values?: unknown[]): Promise<pg.QueryResult>;
  /** Waits until the connector (and its tasks) report `state`. */
  waitState(name: string, state: string, timeoutMs?: number): Promise<void>;
  sinkConfig(extra?: Record<string, string>): Record<string, string>;
  cleanup(): Promise<void>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Creates the pipeline (prefix: lowercase letters, digits and dashes) and waits until both connectors run. */
export async function createTraceLab(cfg: AppConfig, prefix: string, sinkExtra: Record<string, string> = {}): Promise<TraceLab> {
  const id = prefix.replace(/-/g, "_");
  const lab = {
    source: `${prefix}-src`,
    sink: `${prefix}-sink`,
    slot: `${id}_slot`,
    publication: `${id}_pub`,
    prefix: id,
    topic: `${id}.public.pessoas`,
    bucket: prefix,
  };
  const url = cfg.connect.urls[0]!;
  const rest = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${url}${path}`, { method, headers: { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: res.status, body: res.status === 204 ? null : await res.json().catch(() => null) };
  };
  const p = cfg.postgres;
  const db = new pg.Pool({ host: p.host, port: p.port, user: p.user, password: p.password, database: p.oltpDatabase, max: 2 });
  const sql = (text: string, values: unknown[] = []) => db.query(text, values);
  const s3 = labS3(cfg);
  const waitState = async (name: string, state: string, timeoutMs = 60_000) => {
    const end = Date.now() + timeoutMs;
    for (;;) {
      const s = (await rest("GET", `/connectors/${name}/status`)).body;
      if (s?.connector?.state === state && (state !== "RUNNING" || (s.tasks?.length && s.tasks.every((t: { state: string }) => t.state === "RUNNING")))) return;
      if (Date.now() > end) throw new Error(`${name} did not reach ${state}: ${JSON.stringify(s)}`);
      await sleep(300);
    }
  };
  const sinkConfig = (extra: Record<string, string> = {}) => ({
    "connector.class": "lab.console.connect.s3.S3SinkConnector",
    topics: lab.topic,
    "s3.bucket.name": lab.bucket,
    "s3.region": cfg.s3.region,
    "store.url": cfg.s3.endpointForConnect,
    "s3.path.style.access.enabled": String(cfg.s3.forcePathStyle),
    "aws.access.key.id": cfg.s3.accessKeyId,
    "aws.secret.access.key": cfg.s3.secretAccessKey,
    "topics.dir": "topics",
    "flush.size": "1",
    "rotate.interval.ms": "1000",
    "path.format": "'year'=YYYY/'month'=MM/'day'=dd",
    ...sinkExtra,
    ...extra,
  });

  const cleanup = async () => {
    for (const name of [lab.sink, lab.source]) {
      if ((await rest("GET", `/connectors/${name}`)).status === 404) continue;
      await rest("PUT", `/connectors/${name}/stop`);
      await waitState(name, "STOPPED", 30_000).catch(() => undefined);
      await rest("DELETE", `/connectors/${name}/offsets`);
      await rest("DELETE", `/connectors/${name}`);
    }
    for (let i = 0; i < 60; i++) {
      const r = await sql("SELECT active FROM pg_replication_slots WHERE slot_name = $1", [lab.slot]);
      if (!r.rows[0]?.active) break;
      await sleep(500);
    }
    await sql("SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = $1", [lab.slot]).catch(() => undefined);
    await sql(`DROP PUBLICATION IF EXISTS ${pg.escapeIdentifier(lab.publication)}`).catch(() => undefined);
    for (let page = 0; page < 20; page++) {
      const out = await s3.send(new ListObjectsV2Command({ Bucket: lab.bucket })).catch(() => null);
      const keys = (out?.Contents ?? []).map((o) => ({ Key: o.Key! }));
      if (!keys.length) break;
      await s3.send(new DeleteObjectsCommand({ Bucket: lab.bucket, Delete: { Objects: keys } }));
    }
    await s3.send(new DeleteBucketCommand({ Bucket: lab.bucket })).catch(() => undefined);
    const kafka = new Kafka({ clientId: `${prefix}-cleanup`, brokers: cfg.kafka.brokers, logLevel: logLevel.NOTHING });
    const admin = kafka.admin();
    await admin.connect();
    const mine = (await admin.listTopics()).filter((t) => t === lab.prefix || t.startsWith(`${lab.prefix}.`));
    if (mine.length) await admin.deleteTopics({ topics: mine }).catch(() => undefined);
    await admin.deleteGroups([`connect-${lab.sink}`]).catch(() => undefined);
    await admin.disconnect();
    await db.end();
  };

  try {
    await s3.send(new CreateBucketCommand({ Bucket: lab.bucket }));
    await sql(`CREATE PUBLICATION ${pg.escapeIdentifier(lab.publication)} FOR TABLE public.pessoas`);
    const src = await rest("POST", "/connectors", {
      name: lab.source,
      config: {
        ...debeziumConnection(cfg),
        "topic.prefix": lab.prefix,
        "table.include.list": "public.pessoas",
        "slot.name": lab.slot,
        "publication.name": lab.publication,
        "publication.autocreate.mode": "disabled",
        "snapshot.mode": "no_data",
      },
    });
    if (src.status !== 201) throw new Error(`source: ${src.status} ${JSON.stringify(src.body)}`);
    const sink = await rest("POST", "/connectors", { name: lab.sink, config: sinkConfig() });
    if (sink.status !== 201) throw new Error(`sink: ${sink.status} ${JSON.stringify(sink.body)}`);
    await waitState(lab.source, "RUNNING");
    await waitState(lab.sink, "RUNNING");
    for (let i = 0; i < 120; i++) {
      if ((await sql("SELECT active FROM pg_replication_slots WHERE slot_name = $1", [lab.slot])).rows[0]?.active) break;
      await sleep(500);
    }
  } catch (e) {
    await cleanup().catch(() => undefined);
    throw e;
  }
  return { ...lab, rest, sql, waitState, sinkConfig, cleanup };
}
