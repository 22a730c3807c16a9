// The connectors area against the lab's REAL Kafka Connect, PostgreSQL, Kafka and S3 server. Mutations go
// through the route handlers (guard + audit), reads through lib/connect as the pages do. Everything created here
// is named cx-it-<run> (connectors, slots, publications, topics, bucket, role) and removed afterwards.
import { DeleteObjectsCommand, ListObjectsV2Command, CreateBucketCommand, DeleteBucketCommand } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as createRoute from "@/app/api/connectors/[cluster]/connectors/route";
import * as connectorRoute from "@/app/api/connectors/[cluster]/connectors/[name]/route";
import * as configRoute from "@/app/api/connectors/[cluster]/connectors/[name]/config/route";
import * as offsetsRoute from "@/app/api/connectors/[cluster]/connectors/[name]/offsets/route";
import * as pauseRoute from "@/app/api/connectors/[cluster]/connectors/[name]/pause/route";
import * as restartRoute from "@/app/api/connectors/[cluster]/connectors/[name]/restart/route";
import * as resumeRoute from "@/app/api/connectors/[cluster]/connectors/[name]/resume/route";
import * as stopRoute from "@/app/api/connectors/[cluster]/connectors/[name]/stop/route";
import * as taskRestartRoute from "@/app/api/connectors/[cluster]/connectors/[name]/tasks/[task]/restart/route";
import * as listRoute from "@/app/api/connectors/route";
import { config } from "../config";
import { db } from "../db";
import { kafka } from "../kafka/client";
import { pool } from "../pg/client";
import { s3 } from "../s3/client";
import { MASK } from "../shared/secrets";
import * as connect from "./client";
import { diagnoseConnector, getConnectorDetail, getConnectorOffsets, listAllConnectors } from "./connectors";
import { parseDraftJson } from "./shared/draft";
import { templateViews } from "./templates/templates";
import { finishedKeys } from "@/test/s3-writes";
import type { ConnectorDetail, ConnectorState } from "./shared/types";

const RUN = Date.now().toString(36);
const CLUSTER = "0";
const cluster = connect.resolveCluster(CLUSTER);
const DBZ = `cx-it-dbz-${RUN}`;
const DBZ_SLOT = `cx_it_slot_${RUN}`;
const DBZ_PUB = `cx_it_pub_${RUN}`;
const PW_CONNECTOR = `cx-it-dbz-pw-${RUN}`;
const PW_ROLE = `cx_it_role_${RUN}`;
const PW_SLOT = `cx_it_slot2_${RUN}`;
const PW_PUB = `cx_it_pub2_${RUN}`;
const PW_PREFIX = `cx_it_${RUN}`;
const SINK = `cx-it-s3-${RUN}`;
const BADKEY_SINK = `cx-it-s3-badkey-${RUN}`;
const TOPIC = `cx-it-${RUN}`;
const BUCKET = `cx-it-${RUN}`;
const PERSON_ID = 90_000_000_000 + Math.floor(Math.random() * 9_999_999_999);
const RECORDS = 25;

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

/** Calls a route handler as Next.js would: a Request and the awaited-later params. */
async function call(handler: unknown, params: Record<string, string>, body?: unknown, method = "POST") {
  const req = new Request("http://127.0.0.1/api/connectors", {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const res = await (handler as Handler)(req, { params: Promise.resolve(params) });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each test reads the fields it asserts
  return { status: res.status, headers: res.headers, body: (await res.json()) as { ok: boolean; data?: any; error?: any } };
}

const at = (name: string) => ({ cluster: CLUSTER, name });
const detail = (name: string) => getConnectorDetail(cluster, name);
const stateOf = async (name: string): Promise<ConnectorState | "ABSENT"> => {
  const list = await listAllConnectors();
  return list.clusters[0].connectors.find((c) => c.name === name)?.state ?? "ABSENT";
};
const taskStates = (d: ConnectorDetail) => d.tasks.map((t) => t.state).join(",");
const sql = (text: string, values: unknown[] = []) => pool("oltp").query(text, values);

/** Cleanup only (expect.poll is for tests): polls a condition until it holds or the time is up. */
async function waitUntil(condition: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await condition().catch(() => false)) return;
    await new Promise((r) => setTimeout(r, 300));
  }
}

async function bucketKeys(): Promise<string[]> {
  const res = await s3().send(new ListObjectsV2Command({ Bucket: BUCKET }));
  return finishedKeys((res.Contents ?? []).map((o) => o.Key!)).sort();
}

async function emptyBucket(): Promise<void> {
  const keys = await bucketKeys().catch(() => []);
  if (keys.length) await s3().send(new DeleteObjectsCommand({ Bucket: BUCKET, Delete: { Objects: keys.map((Key) => ({ Key })) } }));
}

function sinkConfig(extra: Record<string, string> = {}): Record<string, string> {
  const c = config().s3;
  return {
    "connector.class": "lab.console.connect.s3.S3SinkConnector",
    topics: TOPIC,
    "s3.bucket.name": BUCKET,
    "s3.region": c.region,
    "store.url": c.endpointForConnect,
    "aws.access.key.id": c.accessKeyId,
    "aws.secret.access.key": c.secretAccessKey,
    "flush.size": "10",
    "rotate.interval.ms": "3000",
    // our test topic holds plain JSON, not the worker's schema envelopes
    "value.converter": "org.apache.kafka.connect.json.JsonConverter",
    "value.converter.schemas.enable": "false",
    ...extra,
  };
}

beforeAll(async () => {
  const admin = kafka().admin();
  await admin.connect();
  await admin.createTopics({ topics: [{ topic: TOPIC, numPartitions: 1, replicationFactor: 1 }], waitForLeaders: true });
  await admin.disconnect();
  const producer = kafka().producer();
  await producer.connect();
  await producer.send({ topic: TOPIC, messages: Array.from({ length: RECORDS }, (_, i) => ({ value: JSON.stringify({ n: i, run: RUN }) })) });
  await producer.disconnect();
});

afterAll(async () => {
  for (const name of [DBZ, PW_CONNECTOR, SINK, BADKEY_SINK]) await connect.deleteConnector(cluster, name).catch(() => undefined);
  await sql("DELETE FROM pessoas WHERE id = $1", [PERSON_ID]).catch(() => undefined);
  // A deleted connector's task may hold its slot for a moment: wait until no one is reading it, then drop it.
  for (const slot of [DBZ_SLOT, PW_SLOT]) {
    await waitUntil(async () => !((await sql("SELECT active FROM pg_replication_slots WHERE slot_name = $1", [slot])).rows[0]?.active ?? false), 30_000);
    await sql("SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = $1", [slot]).catch((e) => console.error(e));
  }
  for (const pub of [DBZ_PUB, PW_PUB]) await sql(`DROP PUBLICATION IF EXISTS ${pub}`).catch((e) => console.error(e));
  await sql(`DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${PW_ROLE}') THEN REVOKE ALL ON pessoas FROM ${PW_ROLE}; DROP ROLE ${PW_ROLE}; END IF; END $$`).catch((e) => console.error(e));
  await emptyBucket();
  await s3().send(new DeleteBucketCommand({ Bucket: BUCKET })).catch(() => undefined);
  const admin = kafka().admin();
  await admin.connect();
  const existing = await admin.listTopics();
  const mine = existing.filter((t) => t === TOPIC || t.startsWith(`${PW_PREFIX}.`) || t === PW_PREFIX);
  if (mine.length) await admin.deleteTopics({ topics: mine }).catch(() => undefined);
  // A sink's consumer group (connect-<name>) outlives the connector.
  await admin.deleteGroups([`connect-${SINK}`, `connect-${BADKEY_SINK}`]).catch(() => undefined);
  await admin.disconnect();
});

describe("the list", () => {
  it("costs two Connect requests per cluster per refresh, whatever the connector count, and says so", async () => {
    const res = await call(listRoute.GET, {}, undefined, "GET");
    expect(res.status).toBe(200);
    expect(res.headers.get("x-connect-requests")).toBe(String(2 * connect.clusters().length));
    expect(res.body.data.clusters[0].cluster.url).toBe(cluster.url);
  });
});

describe("the Debezium template", () => {
  it("registers → connector and task RUNNING, and an insert into pessoas produces a message on liga_sudoers.public.pessoas", async () => {
    const template = templateViews().find((t) => t.id === "debezium-postgres")!;
    // The browser only ever has the masked password; the server restores it from the template.
    expect(template.config["database.password"]).toBe(MASK);
    const res = await call(createRoute.POST, { cluster: CLUSTER }, {
      name: DBZ,
      template: "debezium-postgres",
      config: { ...template.config, "slot.name": DBZ_SLOT, "publication.name": DBZ_PUB },
    });
    expect(res.body).toMatchObject({ ok: true, data: { name: DBZ } });
    expect(res.status).toBe(201);

    await expect.poll(async () => { const d = await detail(DBZ); return `${d.state}/${taskStates(d)}`; }, { timeout: 60_000, interval: 500 }).toBe("RUNNING/RUNNING");
    await expect.poll(async () => (await detail(DBZ)).debezium?.slot.active, { timeout: 60_000, interval: 500 }).toBe(true);
    const d = await detail(DBZ);
    expect(d.config["database.password"]).toBe(MASK);
    expect(d.type).toBe("source");
    expect(d.debezium).toMatchObject({ database: "liga_sudoers", slot: { name: DBZ_SLOT, exists: true, plugin: "pgoutput" }, publication: { name: DBZ_PUB, exists: true, tables: ["public.pessoas"] }, capturedTables: ["public.pessoas"] });

    await sql("INSERT INTO pessoas (id, nome, sexo, dt_nasc) VALUES ($1, $2, 'F', '1990-05-01')", [PERSON_ID, `Connectors IT ${RUN}`]);
    // On a fresh lab the topic is created by Debezium's first event: wait until it has a leader before subscribing.
    const probe = kafka().admin();
    await probe.connect();
    await expect
      .poll(async () => (await probe.fetchTopicMetadata({ topics: ["liga_sudoers.public.pessoas"] }).catch(() => null))?.topics[0]?.partitions[0]?.leader ?? -1, { timeout: 60_000, interval: 500 })
      .toBeGreaterThanOrEqual(0);
    await probe.disconnect();
    const consumer = kafka().consumer({ groupId: `cx-it-reader-${RUN}` });
    await consumer.connect();
    await consumer.subscribe({ topic: "liga_sudoers.public.pessoas", fromBeginning: true });
    const event = await new Promise<{ op: string; after: { id: number; nome: string } }>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("no change event for the inserted row within 60 s")), 60_000);
      void consumer.run({
        eachMessage: async ({ message }) => {
          const value = JSON.parse(message.value?.toString() ?? "null");
          const payload = value?.payload ?? value;
          if (payload?.after?.id === PERSON_ID) {
            clearTimeout(timer);
            resolve(payload);
          }
        },
      });
    });
    await consumer.disconnect();
    const admin = kafka().admin();
    await admin.connect();
    await admin.deleteGroups([`cx-it-reader-${RUN}`]).catch(() => undefined);
    await admin.disconnect();
    expect(event.op).toBe("c");
    expect(event.after.nome).toBe(`Connectors IT ${RUN}`);
    expect((await detail(DBZ)).activeTopics).toContain("liga_sudoers.public.pessoas");
  });

  it("pause → PAUSED, resume → RUNNING, stop → STOPPED (no tasks), resume → RUNNING, as the list reports", async () => {
    expect((await call(pauseRoute.POST, at(DBZ))).body.ok).toBe(true);
    await expect.poll(() => stateOf(DBZ), { timeout: 15_000, interval: 300 }).toBe("PAUSED");
    expect((await call(resumeRoute.POST, at(DBZ))).body.ok).toBe(true);
    await expect.poll(() => stateOf(DBZ), { timeout: 15_000, interval: 300 }).toBe("RUNNING");
    expect((await call(stopRoute.POST, at(DBZ))).body.ok).toBe(true);
    await expect.poll(() => stateOf(DBZ), { timeout: 15_000, interval: 300 }).toBe("STOPPED");
    await expect.poll(async () => (await detail(DBZ)).tasks, { timeout: 15_000, interval: 300 }).toEqual([]);
    expect((await call(resumeRoute.POST, at(DBZ))).body.ok).toBe(true);
    await expect.poll(async () => { const d = await detail(DBZ); return `${d.state}/${taskStates(d)}`; }, { timeout: 30_000, interval: 300 }).toBe("RUNNING/RUNNING");
  });

  it("deletes only after the name is typed", async () => {
    const wrong = await call(connectorRoute.DELETE, at(DBZ), { confirm: "postgres-connector-pessoas" }, "DELETE");
    expect(wrong.status).toBe(422);
    expect(wrong.body.error.code).toBe("confirmation_mismatch");
    expect(await stateOf(DBZ)).not.toBe("ABSENT");
    const ok = await call(connectorRoute.DELETE, at(DBZ), { confirm: DBZ }, "DELETE");
    expect(ok.body).toMatchObject({ ok: true, data: { name: DBZ, deleted: true } });
    await expect.poll(() => stateOf(DBZ), { timeout: 15_000, interval: 300 }).toBe("ABSENT");
    await expect(detail(DBZ)).rejects.toMatchObject({ status: 404 });
    const audit = await db().auditEntry.findFirst({ where: { action: "connector.delete", target: DBZ, outcome: "ok" } });
    expect(audit).not.toBeNull();
  });
});

describe("wrong passwords", () => {
  it("a wrong database password is refused before anything is created, with PostgreSQL's cause next to the password", async () => {
    const template = templateViews().find((t) => t.id === "debezium-postgres")!;
    const name = `cx-it-dbz-wrongpw-${RUN}`;
    const res = await call(createRoute.POST, { cluster: CLUSTER }, {
      name,
      config: { ...template.config, "database.password": "not-the-password", "slot.name": `cx_it_never_${RUN}`, "publication.name": `cx_it_never_${RUN}` },
    });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe("validation_failed");
    expect(res.body.error.fields["database.password"].join(" ")).toMatch(/password authentication failed for user "sudoers"/);
    expect(JSON.stringify(res.body)).not.toContain("not-the-password");
    expect(await stateOf(name)).toBe("ABSENT");
  });

  it("a database password changed under a running connector: Connect keeps saying RUNNING, PostgreSQL shows the slot unread, diagnosis names the cause", async () => {
    await sql(`CREATE ROLE ${PW_ROLE} LOGIN REPLICATION PASSWORD 'cx-pw-one-${RUN}'`);
    await sql(`GRANT SELECT ON pessoas TO ${PW_ROLE}`);
    await sql(`CREATE PUBLICATION ${PW_PUB} FOR TABLE pessoas`);
    const template = templateViews().find((t) => t.id === "debezium-postgres")!;
    const created = await call(createRoute.POST, { cluster: CLUSTER }, {
      name: PW_CONNECTOR,
      config: { ...template.config, "database.user": PW_ROLE, "database.password": `cx-pw-one-${RUN}`, "slot.name": PW_SLOT, "publication.name": PW_PUB, "topic.prefix": PW_PREFIX },
    });
    expect(created.body.ok).toBe(true);
    await expect.poll(async () => (await detail(PW_CONNECTOR)).debezium?.slot.active, { timeout: 60_000, interval: 500 }).toBe(true);

    await sql(`ALTER ROLE ${PW_ROLE} PASSWORD 'cx-pw-two-${RUN}'`);
    expect((await call(taskRestartRoute.POST, { ...at(PW_CONNECTOR), task: "0" })).body.ok).toBe(true);
    // Debezium 3.6 retries a failed login forever and never marks the task FAILED; PostgreSQL tells the truth.
    await expect.poll(async () => { const d = await detail(PW_CONNECTOR); return `${d.state}/${taskStates(d)}/${d.debezium?.slot.active}`; }, { timeout: 30_000, interval: 500 }).toBe("RUNNING/RUNNING/false");
    const diagnosis = await diagnoseConnector(cluster, PW_CONNECTOR);
    expect(diagnosis.ok).toBe(false);
    expect(diagnosis.fields["database.password"].join(" ")).toMatch(new RegExp(`password authentication failed for user "${PW_ROLE}"`));
    expect(JSON.stringify(diagnosis)).not.toContain(`cx-pw-one-${RUN}`);
  });

  it("a wrong S3 secret → FAILED task whose cause is shown, the secret redacted from the trace", async () => {
    await s3().send(new CreateBucketCommand({ Bucket: BUCKET })).catch(() => undefined);
    const res = await call(createRoute.POST, { cluster: CLUSTER }, { name: BADKEY_SINK, config: sinkConfig({ "aws.secret.access.key": `wrong-secret-${RUN}` }) });
    expect(res.body.ok).toBe(true);
    await expect.poll(async () => taskStates(await detail(BADKEY_SINK)), { timeout: 60_000, interval: 500 }).toBe("FAILED");
    const task = (await detail(BADKEY_SINK)).tasks[0];
    // S3 answers a HEAD with a bare 403 (no body, so no error code): the sink reports AccessDenied.
    expect(task.trace?.firstLine).toMatch(/AccessDenied|S3 rejected the credentials/);
    expect(task.trace?.firstLine).toContain("403");
    expect(task.trace?.full).not.toContain(`wrong-secret-${RUN}`);
    expect((await detail(BADKEY_SINK)).config["aws.secret.access.key"]).toBe(MASK);
    await connect.deleteConnector(cluster, BADKEY_SINK);
  });
});

describe("the seed's Confluent S3 sink", () => {
  it("is refused as a plugin that is not installed, naming it and listing what is installed; nothing is created", async () => {
    const seedJson = `{
      "name": "cx-it-seed-s3-${RUN}",
      "config": {
        "connector.class": "io.confluent.connect.s3.S3SinkConnector",
        "topics": "liga_sudoers.public.pessoas",
        "s3.bucket.name": "raw",
        "s3.region": "us-east-1",
        "store.url": "http://minio:9000",
        "s3.path.style.access.enabled": "true",
        "aws.access.key.id": "sudoers123",
        "aws.secret.access.key": "sudoers1234",
        "format.class": "io.confluent.connect.s3.format.json.JsonFormat",
        "flush.size": "10",
        "rotate.interval.ms": "10000",
        "partitioner.class": "io.confluent.connect.storage.partitioner.TimeBasedPartitioner",
        "path.format": "'year'=YYYY/'month'=MM/'day'=dd"
      }
    }`;
    const parsed = parseDraftJson(seedJson);
    if (!parsed.ok) throw new Error("the seed's JSON should parse");
    const res = await call(createRoute.POST, { cluster: CLUSTER }, parsed.draft);
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe("plugin_not_installed");
    expect(res.body.error.message).toContain('"io.confluent.connect.s3.S3SinkConnector" is not installed');
    expect(res.body.error.message).toContain("lab.console.connect.s3.S3SinkConnector");
    expect(res.body.error.plugins.map((p: { className: string }) => p.className)).toContain("io.debezium.connector.postgresql.PostgresConnector");
    expect(await stateOf(`cx-it-seed-s3-${RUN}`)).toBe("ABSENT");
  });
});

describe("the S3 sink: restart onlyFailed, config edit, offsets", () => {
  it("a missing bucket → FAILED task naming NoSuchBucket; after creating it, restart onlyFailed → RUNNING and objects appear", async () => {
    await s3().send(new DeleteBucketCommand({ Bucket: BUCKET })).catch(() => undefined);
    const res = await call(createRoute.POST, { cluster: CLUSTER }, { name: SINK, config: sinkConfig() });
    expect(res.body.ok).toBe(true);
    await expect.poll(async () => taskStates(await detail(SINK)), { timeout: 60_000, interval: 500 }).toBe("FAILED");
    const failed = (await detail(SINK)).tasks[0];
    expect(failed.trace?.firstLine).toContain(`NoSuchBucket: the bucket '${BUCKET}' does not exist`);
    expect(failed.trace?.full).not.toContain(config().s3.secretAccessKey);

    await s3().send(new CreateBucketCommand({ Bucket: BUCKET }));
    const restart = await call(restartRoute.POST, at(SINK), { includeTasks: true, onlyFailed: true });
    expect(restart.body.ok).toBe(true);
    await expect.poll(async () => { const d = await detail(SINK); return `${d.state}/${taskStates(d)}`; }, { timeout: 30_000, interval: 500 }).toBe("RUNNING/RUNNING");
    await expect.poll(async () => (await bucketKeys()).length, { timeout: 60_000, interval: 1000 }).toBeGreaterThanOrEqual(3);
    expect((await bucketKeys())[0]).toMatch(new RegExp(`^topics/${TOPIC}/year=\\d{4}/month=\\d{2}/day=\\d{2}/${TOPIC}\\+0\\+0{19}\\.jsonl$`));
  });

  it("restart onlyFailed on a healthy connector leaves its running task alone", async () => {
    const before = await detail(SINK);
    const res = await call(restartRoute.POST, at(SINK), { includeTasks: true, onlyFailed: true });
    expect(res.body).toMatchObject({ ok: true, data: { state: "RUNNING" } });
    expect(taskStates(await detail(SINK))).toBe(taskStates(before));
  });

  it("an edit shows what changes and keeps the masked secret's stored value", async () => {
    const d = await detail(SINK);
    expect(d.config["aws.secret.access.key"]).toBe(MASK);
    const res = await call(configRoute.PUT, at(SINK), { config: { ...d.config, "rotate.interval.ms": "2000" } }, "PUT");
    expect(res.body.ok).toBe(true);
    expect(res.body.data.changes).toEqual([{ key: "rotate.interval.ms", kind: "changed", before: "3000", after: "2000", secret: false }]);
    const stored = await connect.getConnectorConfig(cluster, SINK);
    expect(stored["aws.secret.access.key"]).toBe(config().s3.secretAccessKey);
    expect(stored["rotate.interval.ms"]).toBe("2000");
  });

  it("offsets: read; reset refused while RUNNING; reset on the stopped sink; resumed, it rewrites the lake from the start", async () => {
    await expect.poll(async () => (await getConnectorOffsets(cluster, SINK)).offsets[0]?.offset?.kafka_offset, { timeout: 30_000, interval: 500 }).toBe(RECORDS);
    const read = await call(offsetsRoute.GET, at(SINK), undefined, "GET");
    expect(read.body.data.offsets[0]).toMatchObject({ partition: { kafka_topic: TOPIC, kafka_partition: 0 }, offset: { kafka_offset: RECORDS } });

    const refused = await call(offsetsRoute.DELETE, at(SINK), undefined, "DELETE");
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe("connector_not_stopped");

    await call(stopRoute.POST, at(SINK));
    await expect.poll(() => stateOf(SINK), { timeout: 15_000, interval: 300 }).toBe("STOPPED");
    await emptyBucket();
    const reset = await call(offsetsRoute.DELETE, at(SINK), undefined, "DELETE");
    expect(reset.body).toMatchObject({ ok: true, data: { state: "STOPPED" } });
    expect((await getConnectorOffsets(cluster, SINK)).offsets).toEqual([]);

    await call(resumeRoute.POST, at(SINK));
    await expect.poll(async () => (await bucketKeys()).length, { timeout: 60_000, interval: 1000 }).toBeGreaterThanOrEqual(3);
    // The first object starts at offset 0 again: the sink re-read the topic from the beginning.
    expect((await bucketKeys())[0]).toMatch(new RegExp(`\\+0\\+0{19}\\.jsonl$`));
  });

  it("alters offsets of the stopped sink (PATCH) to skip ahead", async () => {
    await call(stopRoute.POST, at(SINK));
    await expect.poll(() => stateOf(SINK), { timeout: 15_000, interval: 300 }).toBe("STOPPED");
    const res = await call(offsetsRoute.PATCH, at(SINK), { offsets: [{ partition: { kafka_topic: TOPIC, kafka_partition: 0 }, offset: { kafka_offset: 20 } }] }, "PATCH");
    expect(res.body.ok).toBe(true);
    expect((await getConnectorOffsets(cluster, SINK)).offsets[0].offset).toEqual({ kafka_offset: 20 });
  });
});
