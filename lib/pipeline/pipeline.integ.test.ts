// The pipeline overview against the lab's REAL Kafka Connect, Kafka, PostgreSQL and S3 server: the graph the
// sampler builds from what is registered, and the live figures it measures. Everything here is named ov-it-<run>
// (schema, table, publication, slot, topic prefix, connectors, topics, bucket) and removed afterwards; assertions
// look only at nodes of that prefix, so other people's connectors on the shared lab change nothing.
import { CreateBucketCommand, DeleteBucketCommand, DeleteObjectsCommand, ListObjectsV2Command } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as historyRoute from "@/app/api/pipeline/history/route";
import * as streamRoute from "@/app/api/pipeline/stream/route";
import { config } from "../config";
import * as connect from "../connect/client";
import { kafka } from "../kafka/client";
import { pool } from "../pg/client";
import { s3 } from "../s3/client";
import { PipelineSampler } from "./sampler";
import type { PipelineSnapshot } from "./shared/metrics";
import { debeziumConnection } from "@/test/debezium";

const RUN = Date.now().toString(36);
const cluster = connect.resolveCluster("0");
const SCHEMA = `ov_it_${RUN}`;
const TABLE = "items";
const PUB = `ov_it_pub_${RUN}`;
const SLOT = `ov_it_slot_${RUN}`;
const PREFIX = `ov_it_${RUN}`;
const TOPIC = `${PREFIX}.${SCHEMA}.${TABLE}`;
const SOURCE = `ov-it-src-${RUN}`;
const SINK_A = `ov-it-sink-a-${RUN}`;
const SINK_B = `ov-it-sink-b-${RUN}`;
const ORPHAN_SINK = `ov-it-orphan-${RUN}`;
const ORPHAN_TOPIC = `ov-it-orphan-${RUN}`;
const BUCKET_A = `ov-it-a-${RUN}`;
const BUCKET_B = `ov-it-b-${RUN}`;
const mine = (s: PipelineSnapshot) => Object.keys(s.graph.nodes).filter((id) => id.includes(RUN)).sort();
const edgesOfMine = (s: PipelineSnapshot) => s.graph.edges.filter((e) => e.from.includes(RUN) || e.to.includes(RUN)).map((e) => `${e.from} → ${e.to}`).sort();

const sinkConfig = (topics: string, bucket: string) => {
  const c = config().s3;
  return {
    "connector.class": "lab.console.connect.s3.S3SinkConnector",
    topics,
    "s3.bucket.name": bucket,
    "s3.region": c.region,
    "store.url": c.endpointForConnect,
    "aws.access.key.id": c.accessKeyId,
    "aws.secret.access.key": c.secretAccessKey,
    "flush.size": "1",
    "rotate.interval.ms": "1000",
  };
};

async function until<T>(what: string, fn: () => Promise<T | null | undefined | false>, timeoutMs = 90_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn().catch(() => null);
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 1000));
  }
}

async function deleteWithOffsets(name: string) {
  try {
    await connect.stopConnector(cluster, name);
    await until(`${name} stopped`, async () => (await connect.getConnectorStatus(cluster, name)).connector.state === "STOPPED", 30_000);
    await connect.resetOffsets(cluster, name).catch(() => undefined);
  } catch {
    // not there
  }
  await connect.deleteConnector(cluster, name).catch(() => undefined);
}

const sampler = new PipelineSampler();
let before: PipelineSnapshot;

beforeAll(async () => {
  before = await sampler.tick();
  await pool("oltp").query(`create schema ${SCHEMA}; create table ${SCHEMA}.${TABLE} (id int primary key, name text); create publication ${PUB} for table ${SCHEMA}.${TABLE}`);
  await s3().send(new CreateBucketCommand({ Bucket: BUCKET_A }));
  await s3().send(new CreateBucketCommand({ Bucket: BUCKET_B }));
  const admin = kafka().admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic: ORPHAN_TOPIC, numPartitions: 1, replicationFactor: 1 }], waitForLeaders: true });
  await admin.disconnect();
  await connect.createConnector(cluster, SOURCE, {
    ...debeziumConnection(config()),
    "topic.prefix": PREFIX,
    "table.include.list": `${SCHEMA}.${TABLE}`,
    "slot.name": SLOT,
    "publication.name": PUB,
    "snapshot.mode": "no_data",
  });
  await connect.createConnector(cluster, SINK_A, sinkConfig(TOPIC, BUCKET_A));
  await connect.createConnector(cluster, SINK_B, { ...sinkConfig(TOPIC, BUCKET_B), "topics.dir": "cdc" });
  await connect.createConnector(cluster, ORPHAN_SINK, sinkConfig(ORPHAN_TOPIC, BUCKET_A));
  await until("the source's slot to stream", async () => (await pool("oltp").query("select active from pg_replication_slots where slot_name = $1", [SLOT])).rows[0]?.active === true, 120_000);
}, 180_000);

afterAll(async () => {
  for (const name of [SINK_A, SINK_B, ORPHAN_SINK, SOURCE]) await deleteWithOffsets(name);
  await until("the slot released", async () => ((await pool("oltp").query("select active from pg_replication_slots where slot_name = $1", [SLOT])).rows[0]?.active ?? false) === false, 30_000).catch(() => undefined);
  await pool("oltp").query("select pg_drop_replication_slot(slot_name) from pg_replication_slots where slot_name = $1", [SLOT]).catch(() => undefined);
  await pool("oltp").query(`drop publication if exists ${PUB}; drop schema if exists ${SCHEMA} cascade`);
  const admin = kafka().admin();
  await admin.connect();
  const topics = (await admin.listTopics()).filter((t) => t.includes(RUN));
  if (topics.length) await admin.deleteTopics({ topics }).catch(() => undefined);
  await admin.disconnect();
  for (const Bucket of [BUCKET_A, BUCKET_B]) {
    const keys = (await s3().send(new ListObjectsV2Command({ Bucket }))).Contents?.map((o) => ({ Key: o.Key! })) ?? [];
    if (keys.length) await s3().send(new DeleteObjectsCommand({ Bucket, Delete: { Objects: keys } }));
    await s3().send(new DeleteBucketCommand({ Bucket })).catch(() => undefined);
  }
}, 180_000);

describe("the overview's graph from the lab's real connectors", () => {
  it("has none of this run's stages before they are registered, and still lists the cluster", () => {
    expect(mine(before)).toEqual([]);
    expect(before.graph.clusters.map((c) => c.slug)).toContain(cluster.slug);
  });

  it("draws one source feeding two sinks, and a sink without a source, from their configs", async () => {
    const s = await until("every connector of this run listed", async () => {
      const snap = await sampler.tick();
      return mine(snap).filter((id) => id.startsWith("connector:")).length === 4 ? snap : null;
    });
    expect(edgesOfMine(s)).toEqual(
      [
        `connector:${cluster.slug}/${ORPHAN_SINK} → bucket:${BUCKET_A}/topics`,
        `connector:${cluster.slug}/${SINK_A} → bucket:${BUCKET_A}/topics`,
        `connector:${cluster.slug}/${SINK_B} → bucket:${BUCKET_B}/cdc`,
        `connector:${cluster.slug}/${SOURCE} → topic:${TOPIC}`,
        `table:oltp/${SCHEMA}.${TABLE} → connector:${cluster.slug}/${SOURCE}`,
        `topic:${ORPHAN_TOPIC} → connector:${cluster.slug}/${ORPHAN_SINK}`,
        `topic:${TOPIC} → connector:${cluster.slug}/${SINK_A}`,
        `topic:${TOPIC} → connector:${cluster.slug}/${SINK_B}`,
      ].sort(),
    );
    expect(s.graph.nodes[`table:oltp/${SCHEMA}.${TABLE}`]).toMatchObject({ exists: true, inPublication: true, publication: PUB });
    expect(s.health[`table:oltp/${SCHEMA}.${TABLE}`]?.level).toBe("ok");
    expect(s.metrics[`connector:${cluster.slug}/${SOURCE}`]).toMatchObject({ slotActive: true, retainedBytes: expect.any(Number) });
    // The orphan sink's topic exists; the CDC topic appears with the first change.
    expect(s.graph.nodes[`topic:${ORPHAN_TOPIC}`]).toMatchObject({ exists: true });
  }, 120_000);

  it("measures a change: the table's and the topic's rates move, the sinks catch up and write objects", async () => {
    await sampler.tick();
    for (let i = 0; i < 20; i++) await pool("oltp").query(`insert into ${SCHEMA}.${TABLE} (id, name) values ($1, $2)`, [i, `row ${i}`]);
    const tableId = `table:oltp/${SCHEMA}.${TABLE}`;
    // Table statistics reach pg_stat_user_tables within PostgreSQL's flush interval; the topic's events whenever
    // Debezium sends them: each rate moves on some tick.
    const seen = { table: false, topic: false };
    await until("the table's and the topic's rates", async () => {
      const snap = await sampler.tick();
      seen.table ||= (snap.metrics[tableId]?.rate ?? 0) > 0;
      seen.topic ||= (snap.metrics[`topic:${TOPIC}`]?.rate ?? 0) > 0;
      return seen.table && seen.topic;
    });
    const history = sampler.readHistory("table_rate", [tableId])[0]!;
    expect(history.points.some(([, v]) => (v ?? 0) > 0)).toBe(true);
    expect(sampler.readHistory("topic_rate", [TOPIC])[0]!.points.some(([, v]) => (v ?? 0) > 0)).toBe(true);

    const s = await until("both sinks caught up with objects written", async () => {
      const snap = await sampler.tick();
      const a = snap.metrics[`connector:${cluster.slug}/${SINK_A}`];
      const b = snap.metrics[`connector:${cluster.slug}/${SINK_B}`];
      return a?.lag === 0 && b?.lag === 0 && (a.objects ?? 0) > 0 && (b.objects ?? 0) > 0 ? snap : null;
    }, 120_000);
    expect(s.metrics[`bucket:${BUCKET_B}/cdc`]?.objects).toBeGreaterThan(0);
    expect(s.health[`topic:${TOPIC}`]).toMatchObject({ level: "ok", link: `/topics/${encodeURIComponent(TOPIC)}` });
  }, 240_000);

  it("a paused sink is red with its cause and a link to its page, and its lag grows with the next change", async () => {
    await connect.pauseConnector(cluster, SINK_B);
    await pool("oltp").query(`insert into ${SCHEMA}.${TABLE} (id, name) values (1000, 'paused')`);
    const id = `connector:${cluster.slug}/${SINK_B}`;
    const s = await until("the paused sink's lag", async () => {
      const snap = await sampler.tick();
      return snap.health[id]?.level === "error" && (snap.metrics[id]?.lag ?? 0) > 0 ? snap : null;
    });
    expect(s.health[id]).toEqual({ level: "error", cause: { code: "sink_paused", params: { name: SINK_B, lag: s.metrics[id]!.lag! } }, link: `/connectors/${cluster.slug}/${SINK_B}` });
    await connect.resumeConnector(cluster, SINK_B);
  }, 120_000);

  it("serves the sampler's history over the contract, and the stream as text/event-stream", async () => {
    const res = await historyRoute.GET(new Request(`http://127.0.0.1/api/pipeline/history?kind=topic_rate&key=${encodeURIComponent(ORPHAN_TOPIC)}`), { params: Promise.resolve({}) });
    const body = await res.json();
    expect(body).toMatchObject({ ok: true, data: { intervalMs: 2000, series: expect.any(Array) } });
    const bad = await historyRoute.GET(new Request("http://127.0.0.1/api/pipeline/history?kind=topic_rate&kye=x"), { params: Promise.resolve({}) });
    expect(bad.status).toBe(422);
    const ctrl = new AbortController();
    const stream = await streamRoute.GET(new Request("http://127.0.0.1/api/pipeline/stream", { signal: ctrl.signal }));
    expect(stream.headers.get("content-type")).toContain("text/event-stream");
    const reader = stream.body!.getReader();
    let text = "";
    while (!text.includes(`"graph"`)) text += new TextDecoder().decode((await reader.read()).value);
    expect(text).toContain(`"graph"`);
    ctrl.abort();
    await reader.cancel().catch(() => undefined);
  }, 60_000);
});
