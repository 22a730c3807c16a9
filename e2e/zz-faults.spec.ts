// Faults as a person sees them (runs last: "zz-"): a service of the lab stops while its page is open, then comes
// back, and the page recovers by itself — no reload, no stale error. Every service stopped is restored even when
// a test fails (afterEach → `npm run lab:up`). Prints how long each page took to recover once its service was back.
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";
import { CreateBucketCommand, DeleteBucketCommand } from "@aws-sdk/client-s3";
import { Kafka, logLevel, Partitioners } from "kafkajs";
import { cfg, connectRest, s3 } from "./support/lab";
import { createTopicWith } from "../test/kafka-topic";

const run = promisify(execFile);
const tag = randomBytes(3).toString("hex");
const TOPIC = `e2e-faults-${tag}`;
const CONNECTOR = `e2e-faults-${tag}`;
const BUCKET = `e2e-faults-${tag}`;
const kafka = new Kafka({ clientId: "e2e-faults", brokers: cfg.kafka.brokers, logLevel: logLevel.NOTHING, retry: { retries: 30, maxRetryTime: 2_000 } });
const recovered: { fault: string; page: string; ms: number }[] = [];
let stopped = false;

async function stopService(service: "postgres" | "kafka" | "connect" | "s3") {
  stopped = true;
  await run("npx", ["tsx", "lab/lab.ts", "stop", service], { env: { ...process.env, NODE_NO_WARNINGS: "1" } });
}
/** Brings the lab back; returns when every service is ready (the instant recovery is measured from). */
async function restoreLab(): Promise<number> {
  await run("npm", ["run", "-s", "lab:up"], { env: { ...process.env, NODE_NO_WARNINGS: "1" }, maxBuffer: 16 * 1024 * 1024 });
  stopped = false;
  return Date.now();
}

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  await createTopicWith(kafka, TOPIC);
  await s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
});

test.afterEach(async () => {
  if (stopped) await restoreLab();
});

test.afterAll(async () => {
  await connectRest("DELETE", `/connectors/${CONNECTOR}`).catch(() => undefined);
  const admin = kafka.admin();
  await admin.connect();
  await admin.deleteTopics({ topics: [TOPIC] }).catch(() => undefined);
  await admin.disconnect();
  await s3.send(new DeleteBucketCommand({ Bucket: BUCKET })).catch(() => undefined);
  console.log("recovery times (service back → page recovered, no reload):");
  console.table(recovered);
});

async function produce(from: number, n: number) {
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner, allowAutoTopicCreation: false });
  await producer.connect();
  await producer.send({ topic: TOPIC, messages: Array.from({ length: n }, (_, i) => ({ key: `k${from + i}`, value: JSON.stringify({ n: from + i }) })) });
  await producer.disconnect();
}

test("Kafka stops during a live tail: the badge says reconnecting, then resumed with 0 offsets skipped, and no message is lost or repeated", async ({ page }) => {
  test.setTimeout(240_000);
  await page.goto(`/topics/${TOPIC}/live`);
  await expect(page.getByTestId("tail-status")).toHaveAttribute("data-status", "live", { timeout: 30_000 });
  await produce(0, 20);
  // (the list is virtualized: the counts line says how many it holds)
  await expect(page.getByTestId("tail-counts")).toHaveText("20 shown · 20 received", { timeout: 20_000 });

  await stopService("kafka");
  await expect(page.getByTestId("tail-status")).toHaveAttribute("data-status", "reconnecting", { timeout: 30_000 });
  await expect(page.getByTestId("tail-kafka-state")).toHaveAttribute("data-state", "reconnecting");
  const back = await restoreLab();
  await expect(page.getByTestId("tail-kafka-state")).toHaveAttribute("data-state", "resumed", { timeout: 90_000 });
  recovered.push({ fault: "kafka", page: "live tail", ms: Date.now() - back });
  await expect(page.getByTestId("tail-status")).toHaveAttribute("data-status", "live");
  await expect(page.getByTestId("tail-kafka-state")).toContainText("Offsets skipped: 0");

  await produce(20, 20);
  // every message once: 40 received, none twice (the stream-level check of each offset: lib/kafka/tail/outage.fault.test.ts)
  await expect(page.getByTestId("tail-counts")).toHaveText("40 shown · 40 received", { timeout: 30_000 });
  const ids = await page.getByTestId("tail-row").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-id")));
  expect(new Set(ids).size).toBe(ids.length);
});

test("Connect stops: a failed Pause shows its cause, and the error goes once Connect is back", async ({ page }) => {
  test.setTimeout(240_000);
  await connectRest("PUT", `/connectors/${CONNECTOR}/config`, { "connector.class": "org.apache.kafka.connect.file.FileStreamSourceConnector", file: "/dev/null", topic: TOPIC, "tasks.max": "1" });
  await page.goto(`/connectors/0/${CONNECTOR}`);
  await expect(page.getByTestId("connector-state")).toHaveAttribute("data-state", "RUNNING", { timeout: 60_000 });

  await stopService("connect");
  await page.getByTestId("action-pause").click();
  await expect(page.getByTestId("action-error")).toBeVisible({ timeout: 30_000 });
  const back = await restoreLab();
  await expect(page.getByTestId("action-error")).toHaveCount(0, { timeout: 60_000 });
  recovered.push({ fault: "connect", page: "connector (Pause error cleared)", ms: Date.now() - back });
  await expect(page.getByTestId("connector-state")).toHaveAttribute("data-state", "RUNNING", { timeout: 60_000 });
});

test("S3 stops: the lake page shows the outage, then its buckets again by itself once S3 is back", async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto("/lake");
  await expect(page.getByTestId(`bucket-${BUCKET}`)).toBeVisible({ timeout: 30_000 });
  await stopService("s3");
  await page.reload();
  await expect(page.getByRole("alert").first()).toBeVisible({ timeout: 60_000 });
  const back = await restoreLab();
  await expect(page.getByTestId(`bucket-${BUCKET}`)).toBeVisible({ timeout: 60_000 });
  recovered.push({ fault: "s3", page: "lake (buckets)", ms: Date.now() - back });
});

test("PostgreSQL stops while a generator runs: the run is stored as failed with the cause, and the database page recovers by itself", async ({ page, request }) => {
  test.setTimeout(180_000);
  const started = await request.post("/api/generators/start", { data: { generator: "historical", orders: 1_000_000, rate: 500, batchSize: 100 } });
  expect(started.ok()).toBe(true);
  await page.goto("/database");
  await expect(page.getByText("pessoas").first()).toBeVisible({ timeout: 30_000 });
  await stopService("postgres");
  await page.reload();
  await expect(page.getByRole("alert").first()).toBeVisible({ timeout: 60_000 });
  const back = await restoreLab();
  await expect(page.getByText("pessoas").first()).toBeVisible({ timeout: 60_000 });
  recovered.push({ fault: "postgres", page: "database (catalog)", ms: Date.now() - back });

  await page.goto("/generators");
  await expect(page.getByTestId("error-historical")).toContainText(/PostgreSQL/, { timeout: 60_000 });
  recovered.push({ fault: "postgres", page: "generators (run failed, with cause)", ms: Date.now() - back });
  const runs = await request.get("/api/generators/runs?generator=historical&limit=1");
  const latest = ((await runs.json()) as { data: { status: string; error: string | null }[] }).data[0]!;
  expect(latest.status).toBe("failed");
  expect(latest.error).toMatch(/PostgreSQL/);
});
