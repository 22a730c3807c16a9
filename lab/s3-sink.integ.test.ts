// The lab's S3 sink in the lab's real Kafka Connect, Kafka and S3 server, registered with the course's key names
// (the JSON of Confluent's sink with only connector.class swapped, and the lab's endpoint for MinIO's). Everything
// created here is named labsink-it-<run> and removed afterwards.
import { CreateBucketCommand, DeleteBucketCommand, DeleteObjectsCommand, ListObjectsV2Command } from "@aws-sdk/client-s3";
import { Kafka, logLevel } from "kafkajs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readLabEndpoints, resolveConfig } from "../lib/config-core";
import { createTopicWith } from "../test/kafka-topic";
import { labS3 } from "../test/lab-s3";
import { finishedKeys } from "../test/s3-writes";

const RUN = Date.now().toString(36);
const BUCKET = `labsink-it-${RUN}`;
const TOPIC = `labsink-it-${RUN}.public.pessoas`;
const SINK = `labsink-it-course-${RUN}`;
const BAD_SECRET = `labsink-it-secret-${RUN}`;
const UNREACHABLE = `labsink-it-unreachable-${RUN}`;
const c = resolveConfig(process.env, readLabEndpoints());
const CONNECT = c.connect.urls[0];
const s3 = labS3(c);
const kafka = new Kafka({ clientId: "labsink-it", brokers: c.kafka.brokers, logLevel: logLevel.NOTHING });
let producedAt = new Date(); // the records' timestamps pick the date folder

/** The course's sink config (issue 12), connector.class swapped, its MinIO endpoint replaced by the lab's. */
const courseConfig = (over: Record<string, string> = {}) => ({
  "connector.class": "lab.console.connect.s3.S3SinkConnector",
  "tasks.max": "1",
  topics: TOPIC,
  "s3.bucket.name": BUCKET,
  "s3.region": "us-east-1",
  "s3.endpoint": c.s3.endpointForConnect,
  "s3.access.key": c.s3.accessKeyId,
  "s3.secret.key": c.s3.secretAccessKey,
  "storage.class": "io.confluent.connect.s3.storage.S3Storage",
  "format.class": "io.confluent.connect.s3.format.json.JsonFormat",
  "partitioner.class": "io.confluent.connect.storage.partitioner.TimeBasedPartitioner",
  "path.format": "'year'=YYYY/'month'=MM/'day'=dd",
  "partition.duration.ms": "86400000",
  locale: "en-US",
  timezone: "UTC",
  "flush.size": "10",
  "rotate.interval.ms": "10000",
  "value.converter": "org.apache.kafka.connect.json.JsonConverter",
  "value.converter.schemas.enable": "false",
  ...over,
});

async function rest(method: string, path: string, body?: unknown) {
  const res = await fetch(`${CONNECT}${path}`, { method, headers: { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

type Status = { tasks: { state: string; trace?: string }[] };
const task = async (name: string) => ((await rest("GET", `/connectors/${name}/status`)).body as Status).tasks?.[0];
const keys = async () => finishedKeys(((await s3.send(new ListObjectsV2Command({ Bucket: BUCKET }))).Contents ?? []).map((o) => o.Key!));

beforeAll(async () => {
  await s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
  producedAt = new Date();
  await createTopicWith(kafka, TOPIC, Array.from({ length: 25 }, (_, i) => ({ value: JSON.stringify({ id: i, nome: `Pessoa ${i}` }) })));
});

afterAll(async () => {
  for (const name of [SINK, BAD_SECRET, UNREACHABLE]) await rest("DELETE", `/connectors/${name}`).catch(() => undefined);
  const listed = (await s3.send(new ListObjectsV2Command({ Bucket: BUCKET }))).Contents ?? [];
  if (listed.length) await s3.send(new DeleteObjectsCommand({ Bucket: BUCKET, Delete: { Objects: listed.map((o) => ({ Key: o.Key! })) } }));
  await s3.send(new DeleteBucketCommand({ Bucket: BUCKET }));
  s3.destroy();
  const admin = kafka.admin();
  await admin.connect();
  await admin.deleteGroups([SINK, BAD_SECRET, UNREACHABLE].map((n) => `connect-${n}`)).catch(() => undefined);
  await admin.deleteTopics({ topics: [TOPIC] }).catch(() => undefined);
  await admin.disconnect();
});

describe("the course's S3 sink JSON on the lab's sink", () => {
  it("validates clean, and names what it cannot honour or reach on the course's own keys", async () => {
    const ok = await rest("PUT", "/connector-plugins/lab.console.connect.s3.S3SinkConnector/config/validate", { name: SINK, ...courseConfig() });
    expect(ok.body.error_count).toBe(0);
    const bad = await rest("PUT", "/connector-plugins/lab.console.connect.s3.S3SinkConnector/config/validate", {
      name: SINK,
      ...courseConfig({ "s3.endpoint": "http://minio.invalid:9000", "format.class": "io.confluent.connect.s3.format.avro.AvroFormat" }),
    });
    const errors = Object.fromEntries(
      (bad.body.configs as { value: { name: string; errors: string[] } }[]).filter((x) => x.value.errors.length).map((x) => [x.value.name, x.value.errors.join(" ")]),
    );
    expect(Object.keys(errors).sort()).toEqual(["format.class", "s3.endpoint"]);
    expect(errors["s3.endpoint"]).toContain("'minio.invalid'");
    expect(errors["format.class"]).toContain("AvroFormat is not supported");
  });

  it("writes JSON objects where the course expects them: topics/<topic>/year=/month=/day=/<topic>+0+<offset>.json", async () => {
    expect((await rest("POST", "/connectors", { name: SINK, config: courseConfig() })).status).toBe(201);
    // 25 records, flush.size 10: two full objects at once, the last five after rotate.interval.ms
    await expect.poll(keys, { timeout: 60_000, interval: 500 }).toHaveLength(3);
    const day = producedAt.toISOString().slice(0, 10).split("-");
    const folder = `topics/${TOPIC}/year=${day[0]}/month=${day[1]}/day=${day[2]}/`;
    expect(await keys()).toEqual([0, 10, 20].map((o) => `${folder}${TOPIC}+0+${String(o).padStart(19, "0")}.json`));
    expect((await task(SINK)).state).toBe("RUNNING");
  });

  it("a wrong secret FAILS the task with S3's own error code", async () => {
    await rest("POST", "/connectors", { name: BAD_SECRET, config: courseConfig({ "s3.secret.key": `wrong-${RUN}` }) });
    await expect.poll(async () => (await task(BAD_SECRET))?.state, { timeout: 60_000, interval: 500 }).toBe("FAILED");
    expect((await task(BAD_SECRET)).trace).toContain("SignatureDoesNotMatch");
  });

  it("an endpoint that does not answer FAILS the task after s3.max.retries, naming the endpoint", async () => {
    const dead = "http://127.0.0.1:9"; // the discard port: nothing listens there
    await rest("POST", "/connectors", { name: UNREACHABLE, config: courseConfig({ "s3.endpoint": dead, "s3.max.retries": "2", "s3.retry.backoff.ms": "1000" }) });
    await expect.poll(async () => (await task(UNREACHABLE))?.state, { timeout: 60_000, interval: 500 }).toBe("FAILED");
    const trace = (await task(UNREACHABLE)).trace ?? "";
    expect(trace).toContain("giving up after 3 attempt(s) in a row (s3.max.retries=2)");
    expect(trace).toContain(`could not reach ${dead}`);
  });
});
