// Faults in the lab's cluster profile (3 KRaft brokers, 2 Connect workers): one broker stopped during a live tail,
// one worker stopped while an S3 sink runs. Nothing is lost, the console says "degraded" (not down) and shows where
// the work went. Run with `npm run test:cluster`; what each test stops is started again in its finally.
// Everything created here is named cluster-it-<run> and removed afterwards.
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { promisify } from "node:util";
import { CreateBucketCommand, DeleteBucketCommand, DeleteObjectsCommand, GetObjectCommand, ListObjectsV2Command } from "@aws-sdk/client-s3";
import { Kafka, logLevel, Partitioners } from "kafkajs";
import { afterAll, describe, expect, it } from "vitest";
import { config } from "@/lib/config";
import { SseReader, type SseMessage } from "@/test/sse-test-client";
import { labS3 } from "@/test/lab-s3";
import { finishedKeys } from "@/test/s3-writes";
import { until } from "@/test/faults";
import type { TopicMessage } from "@/lib/kafka/shared/message-types";

// The hub's consumer reads from the end; no idle close while the broker is away.
process.env.TAIL_BACKFILL = "0";
process.env.TAIL_FLUSH_MS = "5";

const { GET: tailGET } = await import("@/app/api/topics/[topic]/tail/route");
const { tailHub } = await import("@/lib/kafka/tail/hub");
const { getLabHealth } = await import("@/lib/health");
const { topicsOverview, describeTopic } = await import("@/lib/kafka/topics/topics");
const { listAllConnectors, getConnectorDetail } = await import("@/lib/connect/connectors");
const { resolveCluster } = await import("@/lib/connect/client");
const { workerIdOf } = await import("@/lib/connect/workers");

const exec = promisify(execFile);
const RUN = randomBytes(3).toString("hex");
const cfg = config();
const kafka = new Kafka({ clientId: `cluster-it-${RUN}`, brokers: cfg.kafka.brokers, logLevel: logLevel.NOTHING });
const WORKERS = cfg.connect.workers[0];

/** `tsx lab/lab.ts <args>` with this run's profile, ports and folder (the environment scripts/test-cluster.sh set). */
async function lab(...args: string[]): Promise<string> {
  const r = await exec("npx", ["tsx", "lab/lab.ts", ...args], { env: { ...process.env, NODE_NO_WARNINGS: "1" }, timeout: 240_000 });
  return r.stdout + r.stderr;
}

/** Polls every 500 ms, for up to 90 s unless told: a broker's or a worker's move takes its time. */
const eventually = <T>(what: string, fn: () => Promise<T | undefined | false | null>, timeoutMs = 90_000) => until(what, fn, timeoutMs, 500);

const healthOf = async (id: "kafka" | "connect") => (await getLabHealth()).services.find((s) => s.id === id)!;
const messagesOf = (events: SseMessage[]) => events.filter((e) => e.event === "message").map((e) => JSON.parse(e.data) as TopicMessage);

afterAll(async () => {
  await tailHub().closeAll();
});

describe("the cluster profile: one broker down", () => {
  const topic = `cluster-it-tail-${RUN}`;

  it("a tail keeps delivering every message exactly once while a broker stops, and the health says 2 of 3 brokers", async () => {
    const admin = kafka.admin();
    await admin.connect();
    const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner, idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
    const abort = new AbortController();
    let stopped: string | null = null;
    try {
      await admin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: 3, replicationFactor: 3 }] });
      expect((await healthOf("kafka")).members).toMatchObject({ kind: "brokers", expected: 3, up: 3 });
      expect((await healthOf("kafka")).degraded).toBe(false);

      const res = await tailGET(new Request(`http://console.test/api/topics/${topic}/tail`, { signal: abort.signal }), { params: Promise.resolve({ topic }) });
      expect(res.status).toBe(200);
      const reader = new SseReader(res.body!);
      await reader.collect((e) => e.event === "ready", 30_000);

      // The broker that leads partition 0 goes: its partitions need a new leader while messages keep coming.
      const meta = await admin.fetchTopicMetadata({ topics: [topic] });
      const victim = meta.topics[0].partitions.find((p) => p.partitionId === 0)!.leader;
      const victimBroker = (await admin.describeCluster()).brokers.find((b) => b.nodeId === victim)!;
      const victimEndpoint = `${victimBroker.host}:${victimBroker.port}`;
      await producer.connect();

      const TOTAL = 600;
      const reading = reader.collect((_e, all) => all.filter((x) => x.event === "message").length >= TOTAL, 180_000);
      reading.catch(() => undefined); // awaited below; a failure before that must not surface as unhandled
      let sent = 0;
      const send = async (n: number) => {
        for (let i = 0; i < n; i += 20, sent += 20) {
          await producer.send({ topic, acks: -1, messages: Array.from({ length: 20 }, (_, j) => ({ key: `k-${sent + j}`, value: JSON.stringify({ n: sent + j }) })) });
        }
      };
      await send(200);
      stopped = `kafka-${victim}`;
      await lab("stop", stopped);
      await send(200);

      // The console sees the cluster as degraded, not down, and names the broker that is gone.
      const degraded = await eventually("Kafka degraded in the health", async () => {
        const h = await healthOf("kafka");
        return h.up && h.degraded && h.members?.up === 2 ? h : null;
      });
      expect(degraded.members).toMatchObject({ expected: 3, up: 2 });
      // The probe knows the brokers that answer and the addresses it was given: the missing one is named by address.
      expect(degraded.members!.list.filter((m) => !m.up).map((m) => m.endpoint)).toEqual([victimEndpoint]);
      const overview = await topicsOverview();
      expect(overview.brokerList.filter((b) => b.up).map((b) => b.id)).not.toContain(victim);
      // The topics overview sees the replicas too: the stopped broker by id and address, leading nothing.
      expect(overview.brokerList.find((b) => b.id === victim)).toMatchObject({ up: false, endpoint: victimEndpoint, leaderCount: 0 });
      const detail = await describeTopic(topic);
      expect(detail.offline).toBe(0);
      expect(detail.underReplicated).toBe(3); // every partition has a replica on the stopped broker

      await send(200);
      const got = messagesOf(await reading);
      const ns = got.map((m) => (m.value as { json: { n: number } }).json.n);
      expect(ns).toHaveLength(TOTAL);
      expect(new Set(ns).size).toBe(TOTAL);
      expect(Math.min(...ns)).toBe(0);
      expect(Math.max(...ns)).toBe(TOTAL - 1);
      await reader.cancel();
    } finally {
      abort.abort();
      await producer.disconnect().catch(() => undefined);
      if (stopped) await lab("up");
      await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
      await admin.disconnect();
    }
    // Back: every broker answers again, and the health is plain up.
    await eventually("Kafka whole again", async () => {
      const h = await healthOf("kafka");
      return h.up && !h.degraded && h.members?.up === 3;
    });
  });
});

describe("the cluster profile: one Connect worker down", () => {
  const topic = `cluster-it-sink-${RUN}`;
  const bucket = `cluster-it-${RUN}`;
  const sink = `cluster-it-sink-${RUN}`;
  const s3 = labS3(cfg);
  /** Connect's REST API through whichever worker answers. */
  async function rest(method: string, path: string, body?: unknown) {
    for (const url of WORKERS) {
      try {
        const res = await fetch(`${url}${path}`, { method, headers: { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
        const text = await res.text();
        return { status: res.status, body: text ? JSON.parse(text) : null };
      } catch {
        // that worker is down: ask the next
      }
    }
    throw new Error("no Connect worker answered");
  }
  async function ids(): Promise<number[]> {
    const keys = finishedKeys(((await s3.send(new ListObjectsV2Command({ Bucket: bucket }))).Contents ?? []).map((o) => o.Key!));
    const out: number[] = [];
    for (const Key of keys) {
      const text = await (await s3.send(new GetObjectCommand({ Bucket: bucket, Key }))).Body!.transformToString();
      for (const line of text.split("\n").filter(Boolean)) out.push((JSON.parse(line) as { n: number }).n);
    }
    return out;
  }

  it("its tasks move to the other worker, the console shows the new worker and 1 of 2 workers, and every record lands", async () => {
    const admin = kafka.admin();
    await admin.connect();
    const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner, idempotent: true, maxInFlightRequests: 1 });
    const cluster = resolveCluster("0");
    let stopped: string | null = null;
    try {
      expect(cluster.workers).toHaveLength(2);
      await s3.send(new CreateBucketCommand({ Bucket: bucket }));
      await admin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: 2, replicationFactor: 3 }] });
      const created = await rest("POST", "/connectors", {
        name: sink,
        config: {
          "connector.class": "lab.console.connect.s3.S3SinkConnector",
          "tasks.max": "2",
          topics: topic,
          "s3.bucket.name": bucket,
          "s3.region": cfg.s3.region,
          "s3.endpoint": cfg.s3.endpointForConnect,
          "s3.access.key": cfg.s3.accessKeyId,
          "s3.secret.key": cfg.s3.secretAccessKey,
          "format.class": "io.confluent.connect.s3.format.json.JsonFormat",
          "flush.size": "25",
          "rotate.interval.ms": "3000",
          "value.converter": "org.apache.kafka.connect.json.JsonConverter",
          "value.converter.schemas.enable": "false",
        },
      });
      expect(created.status, JSON.stringify(created.body)).toBe(201);
      const running = await eventually("both tasks RUNNING", async () => {
        const d = await getConnectorDetail(cluster, sink);
        return d.tasks.length === 2 && d.tasks.every((t) => t.state === "RUNNING" && t.workerId) ? d : null;
      });
      await producer.connect();
      const TOTAL = 400;
      let sent = 0;
      const send = async (n: number) => {
        for (let i = 0; i < n; i += 25, sent += 25) {
          await producer.send({ topic, messages: Array.from({ length: 25 }, (_, j) => ({ key: `k-${sent + j}`, value: JSON.stringify({ n: sent + j }) })) });
        }
      };
      await send(200);

      // The worker running task 0 goes; the group moves its tasks to the other one.
      const victimId = running.tasks[0].workerId!;
      const index = WORKERS.findIndex((u) => workerIdOf(u) === victimId);
      expect(index, `worker ${victimId} among ${WORKERS.join(", ")}`).toBeGreaterThanOrEqual(0);
      stopped = `connect-${index + 1}`;
      await lab("stop", stopped);
      const survivor = workerIdOf(WORKERS[1 - index]);
      await send(200);

      const health = await eventually("Connect degraded in the health", async () => {
        const h = await healthOf("connect");
        return h.up && h.degraded ? h : null;
      });
      expect(health.members).toMatchObject({ kind: "workers", expected: 2, up: 1 });
      // The console, asked through its configured workers (the first may be the stopped one), shows the new worker.
      const moved = await eventually(
        "every task RUNNING on the other worker",
        async () => {
          const d = await getConnectorDetail(cluster, sink);
          return d.tasks.length === 2 && d.tasks.every((t) => t.state === "RUNNING" && t.workerId === survivor) ? d : null;
        },
        120_000,
      );
      expect(moved.tasks.map((t) => t.workerId)).toEqual([survivor, survivor]);
      const list = await listAllConnectors();
      const workers = list.clusters[0].workers!;
      expect(workers.find((w) => w.id === victimId)).toMatchObject({ up: false, tasks: [] });
      expect(workers.find((w) => w.id === survivor)).toMatchObject({ up: true, tasks: [`${sink}-0`, `${sink}-1`] });

      // No loss: every record produced, before and after the worker went, is in the bucket.
      const landed = await eventually(
        "every record in the bucket",
        async () => {
          const got = new Set(await ids());
          return got.size === TOTAL ? got : null;
        },
        120_000,
      );
      expect([...landed].sort((a, b) => a - b)).toEqual(Array.from({ length: TOTAL }, (_, i) => i));
    } finally {
      await producer.disconnect().catch(() => undefined);
      if (stopped) await lab("up");
      await rest("PUT", `/connectors/${sink}/stop`).catch(() => undefined);
      await eventually("the sink stopped", async () => (await rest("GET", `/connectors/${sink}/status`)).body?.connector?.state === "STOPPED", 30_000).catch(() => undefined);
      await rest("DELETE", `/connectors/${sink}/offsets`).catch(() => undefined);
      await rest("DELETE", `/connectors/${sink}`).catch(() => undefined);
      const listed = (await s3.send(new ListObjectsV2Command({ Bucket: bucket })).catch(() => ({ Contents: [] }))).Contents ?? [];
      if (listed.length) await s3.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: listed.map((o) => ({ Key: o.Key! })) } }));
      await s3.send(new DeleteBucketCommand({ Bucket: bucket })).catch(() => undefined);
      s3.destroy();
      await admin.deleteGroups([`connect-${sink}`]).catch(() => undefined);
      await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
      await admin.disconnect();
    }
    await eventually("Connect whole again", async () => {
      const h = await healthOf("connect");
      return h.up && !h.degraded && h.members?.up === 2;
    });
  });
});
