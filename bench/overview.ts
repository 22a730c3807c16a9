// bench/overview — the overview stream's server cost per update with 10 connectors and 50 topics on the real lab.
// Creates 50 topics (bench-ov-<run>-NN), 5 FileStream sources (each writing one of them) and 5 of the lab's S3
// sinks (each reading 10 of them into a bucket of its own run), then times the pipeline sampler's tick — every
// read (Connect listing, PostgreSQL, Kafka offsets and groups, S3 listings) plus the graph build and health, i.e.
// what one update of GET /api/pipeline/stream costs the server whatever the number of viewers — through the same
// lib/ code. Deletes everything at the end. Never passes or fails on time.
//
//   npm run bench:overview            (BENCH_OVERVIEW_TICKS=30)
//
// Prints a table, and last one JSON line: {"connectors": 10, "topics": 50, "update_server_ms_p50": …, "update_server_ms_p99": …}
import { CreateBucketCommand, DeleteBucketCommand, DeleteObjectsCommand, ListObjectsV2Command } from "@aws-sdk/client-s3";
import { config } from "../lib/config";
import * as connect from "../lib/connect/client";
import { kafka } from "../lib/kafka/client";
import { PipelineSampler } from "../lib/pipeline/sampler";
import { s3 } from "../lib/s3/client";
import { arg } from "./support/args";

const TICKS = Number(arg("ticks", process.env.BENCH_OVERVIEW_TICKS ?? "30"));
const RUN = Date.now().toString(36);
const TOPICS = Array.from({ length: 50 }, (_, i) => `bench-ov-${RUN}-${String(i).padStart(2, "0")}`);
const SOURCES = Array.from({ length: 5 }, (_, i) => `bench-ov-src-${RUN}-${i}`);
const SINKS = Array.from({ length: 5 }, (_, i) => `bench-ov-sink-${RUN}-${i}`);
const BUCKET = `bench-ov-${RUN}`;
const cluster = connect.resolveCluster("0");

const log = (s: string) => process.stderr.write(`${s}\n`);
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.max(0, Math.ceil(xs.length * p) - 1))]!;
const round = (x: number) => Math.round(x * 10) / 10;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function setup() {
  const admin = kafka().admin();
  await admin.connect();
  await admin.createTopics({ topics: TOPICS.map((topic) => ({ topic, numPartitions: 1, replicationFactor: 1 })), waitForLeaders: true });
  await admin.disconnect();
  const producer = kafka().producer();
  await producer.connect();
  await producer.sendBatch({ topicMessages: TOPICS.map((topic) => ({ topic, messages: Array.from({ length: 10 }, (_, i) => ({ value: `{"n":${i}}` })) })) });
  await producer.disconnect();
  await s3().send(new CreateBucketCommand({ Bucket: BUCKET }));
  const c = config().s3;
  for (const [i, name] of SOURCES.entries()) {
    await connect.createConnector(cluster, name, { "connector.class": "org.apache.kafka.connect.file.FileStreamSourceConnector", file: "/dev/null", topic: TOPICS[i]!, "tasks.max": "1" });
  }
  for (const [i, name] of SINKS.entries()) {
    await connect.createConnector(cluster, name, {
      "connector.class": "lab.console.connect.s3.S3SinkConnector",
      topics: TOPICS.slice(i * 10, i * 10 + 10).join(","),
      "s3.bucket.name": BUCKET,
      "s3.region": c.region,
      "store.url": c.endpointForConnect,
      "aws.access.key.id": c.accessKeyId,
      "aws.secret.access.key": c.secretAccessKey,
      "flush.size": "5",
      "rotate.interval.ms": "2000",
    });
  }
}

async function cleanup() {
  for (const name of [...SINKS, ...SOURCES]) {
    try {
      await connect.stopConnector(cluster, name);
      for (let i = 0; i < 60; i++) {
        if ((await connect.getConnectorStatus(cluster, name)).connector.state === "STOPPED") break;
        await sleep(500);
      }
      await connect.resetOffsets(cluster, name).catch(() => undefined);
    } catch {
      // never created
    }
    await connect.deleteConnector(cluster, name).catch(() => undefined);
  }
  const admin = kafka().admin();
  await admin.connect();
  const mine = (await admin.listTopics()).filter((t) => t.includes(`-ov-${RUN}`) || t.includes(RUN));
  if (mine.length) await admin.deleteTopics({ topics: mine }).catch(() => undefined);
  await admin.deleteGroups(SINKS.map((s) => `connect-${s}`)).catch(() => undefined);
  await admin.disconnect();
  for (let page = 0; page < 20; page++) {
    const out = await s3().send(new ListObjectsV2Command({ Bucket: BUCKET })).catch(() => null);
    const keys = out?.Contents?.map((o) => ({ Key: o.Key! })) ?? [];
    if (!keys.length) break;
    await s3().send(new DeleteObjectsCommand({ Bucket: BUCKET, Delete: { Objects: keys } }));
  }
  await s3().send(new DeleteBucketCommand({ Bucket: BUCKET })).catch(() => undefined);
}

async function main() {
  log(`bench:overview — ${SOURCES.length + SINKS.length} connectors, ${TOPICS.length} topics, ${TICKS} ticks`);
  try {
    await setup();
    const sampler = new PipelineSampler();
    // Wait until Connect lists every connector of this run (a fresh connector has no status for a moment).
    for (let i = 0; i < 60; i++) {
      const s = await sampler.tick();
      const ours = Object.values(s.graph.nodes).filter((n) => (n.kind === "source" || n.kind === "sink") && n.name.includes(RUN));
      const topics = Object.values(s.graph.nodes).filter((n) => n.kind === "topic" && n.name.includes(RUN));
      if (ours.length === 10 && topics.length === 50 && ours.every((n) => (n.kind === "source" || n.kind === "sink") && n.state === "RUNNING")) break;
      await sleep(1000);
    }
    const times: number[] = [];
    const phases: Record<string, number[]> = {};
    let last = null as Awaited<ReturnType<PipelineSampler["tick"]>> | null;
    for (let i = 0; i < TICKS; i++) {
      last = await sampler.tick();
      times.push(last.tickMs);
      for (const [k, v] of Object.entries(sampler.lastPhases)) (phases[k] ??= []).push(v);
      await sleep(500);
    }
    const nodes = last ? Object.values(last.graph.nodes) : [];
    const p50 = round(pct(times, 0.5));
    const p99 = round(pct(times, 0.99));
    log("");
    log(`graph: ${nodes.length} nodes (all clusters, this run's ${nodes.filter((n) => JSON.stringify(n).includes(RUN)).length}), ${last?.graph.edges.length ?? 0} edges; errors: ${last?.errors.map((e) => e.code).join(", ") || "none"}`);
    log(`parts done at (ms from the tick's start, p50): ${Object.entries(phases).map(([k, v]) => `${k} ${pct(v, 0.5)}`).join("  ")}`);
    log(`update server time (sampler reads + graph + health), ms: p50 ${p50}  p99 ${p99}  min ${round(Math.min(...times))}  max ${round(Math.max(...times))}`);
    process.stdout.write(`${JSON.stringify({ connectors: SOURCES.length + SINKS.length, topics: TOPICS.length, update_server_ms_p50: p50, update_server_ms_p99: p99 })}\n`);
  } finally {
    await cleanup();
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    log(String(e?.stack ?? e));
    process.exit(1);
  },
);
