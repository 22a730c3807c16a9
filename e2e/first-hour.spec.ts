import { randomUUID } from "node:crypto";
import { CreateBucketCommand, DeleteBucketCommand, DeleteObjectsCommand, ListObjectsV2Command } from "@aws-sdk/client-s3";
import { expect, test } from "@playwright/test";
import { Kafka, logLevel } from "kafkajs";
import { cfg, connectRest as connect, s3 } from "./support/lab";
import { createTopicWith } from "../test/kafka-topic";
import { finishedKeys } from "../test/s3-writes";
import createWith from "../lib/debezium/shared/fixtures/pessoas-create.schemas.json";
import deleteWith from "../lib/debezium/shared/fixtures/pessoas-delete.schemas.json";

// Issue 12, items 3 and 4, in the browser against the real lab: the lab's S3 sink writes real Debezium events
// (captured from public.pessoas, see lib/debezium/shared/fixtures) into a bucket of this run; the lake preview shows
// dt_nasc as a date and the delete's placeholders as the live tail does; deleting that bucket asks for its name
// and names the sink that writes there.
const ID = randomUUID().replace(/-/g, "").slice(0, 8);
const TOPIC = `firsthour_e2e_${ID}.public.pessoas`;
const SINK = `firsthour-e2e-sink-${ID}`;
const BUCKET = `firsthour-e2e-${ID}`;

async function keysUnder(prefix: string): Promise<string[]> {
  const out = await s3.send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: prefix }));
  return (out.Contents ?? []).map((o) => o.Key!);
}

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  await s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
  const kafka = new Kafka({ clientId: "firsthour-e2e", brokers: cfg.kafka.brokers, logLevel: logLevel.NOTHING });
  // The records exactly as Debezium wrote them with the lab worker's converters (value with its schema).
  await createTopicWith(kafka, TOPIC, [createWith, deleteWith].map((f) => ({ key: f.key as string, value: f.value as string })));
  const sink = await connect("PUT", `/connectors/${SINK}/config`, {
    "connector.class": "lab.console.connect.s3.S3SinkConnector",
    topics: TOPIC,
    "s3.bucket.name": BUCKET,
    "store.url": cfg.s3.endpointForConnect,
    "aws.access.key.id": cfg.s3.accessKeyId,
    "aws.secret.access.key": cfg.s3.secretAccessKey,
    "topics.dir": "topics",
    "flush.size": "2",
    "rotate.interval.ms": "5000",
  });
  expect(sink.status, JSON.stringify(sink.body)).toBeLessThan(300);
});

test.afterAll(async () => {
  test.setTimeout(60_000);
  await connect("DELETE", `/connectors/${SINK}`);
  const admin = new Kafka({ clientId: "firsthour-e2e", brokers: cfg.kafka.brokers, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  await admin.deleteTopics({ topics: [TOPIC] }).catch(() => undefined);
  await admin.deleteGroups([`connect-${SINK}`]).catch(() => undefined);
  await admin.disconnect();
  const keys = await keysUnder("").catch(() => []);
  if (keys.length) await s3.send(new DeleteObjectsCommand({ Bucket: BUCKET, Delete: { Objects: keys.map((Key) => ({ Key })) } })).catch(() => undefined);
  await s3.send(new DeleteBucketCommand({ Bucket: BUCKET })).catch(() => undefined);
});

test("the lake preview of the sink's object shows dt_nasc as a date, says the types were inferred, and marks the delete's placeholders", async ({ page }) => {
  test.setTimeout(150_000);
  await expect.poll(async () => finishedKeys(await keysUnder("topics/")), { timeout: 90_000, message: "the sink wrote no file" }).toHaveLength(1);
  const [key] = finishedKeys(await keysUnder("topics/"));
  await page.goto(`/lake/${BUCKET}/object?key=${encodeURIComponent(key)}`);
  const preview = page.getByTestId("lake-preview");
  await expect(preview).toHaveAttribute("data-kind", "jsonl");
  const events = preview.getByTestId("change-event");
  await expect(events).toHaveCount(2);
  const created = events.nth(0);
  await expect(created).toHaveAttribute("data-op", "c");
  await expect(created).toHaveAttribute("data-types", "inferred");
  await expect(created.locator('[data-testid="change-field"][data-field="dt_nasc"]')).toContainText("1990-05-17");
  await expect(created.locator('[data-testid="change-field"][data-field="created_at"]')).toContainText(/\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}/);
  await expect(created.getByTestId("change-types")).toContainText("No schema in the object");
  // Times are labelled: the database's wall clock has no zone, and the event's own times carry theirs.
  await expect(created.locator('[data-testid="change-field"][data-field="created_at"]').getByTestId("zoneless")).toHaveText("no time zone");
  const deleted = events.nth(1);
  await expect(deleted).toHaveAttribute("data-op", "d");
  await expect(deleted).toContainText("sends only the key of a deleted row");
});

test("deleting the non-empty bucket asks for its name and names the sink that writes there", async ({ page }) => {
  await page.goto("/lake");
  const row = page.getByTestId(`bucket-${BUCKET}`);
  await row.getByRole("button", { name: "Delete", exact: true }).click();
  const dialog = page.getByTestId("delete-bucket-dialog");
  await expect(dialog.getByTestId("confirm-users").locator(`[data-connector="${SINK}"]`)).toContainText("writes here");
  await expect(dialog.getByTestId("confirm-users")).toContainText("s3.bucket.name");
  const submit = dialog.getByTestId("confirm-submit");
  await expect(submit).toBeDisabled();
  await dialog.getByTestId("confirm-type").fill(BUCKET.slice(0, -1));
  await expect(submit).toBeDisabled();
  await dialog.getByTestId("confirm-type").fill(BUCKET);
  await expect(submit).toBeEnabled();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toHaveCount(0);
  await expect.poll(async () => (await keysUnder("")).length).toBeGreaterThan(0);
});

test("the audit page's title names its area, like every other page", async ({ page }) => {
  await page.goto("/audit");
  await expect(page).toHaveTitle("Audit log · Lab Console");
});

test("a bucket that does not exist says so and offers no upload", async ({ page }) => {
  await page.goto(`/lake/${BUCKET}-missing`);
  await expect(page.getByTestId("lake-browser")).toContainText(`Bucket "${BUCKET}-missing" does not exist`);
  await expect(page.getByText("Upload files")).toHaveCount(0);
  await expect(page.getByTestId("lake-upload-input")).toHaveCount(0);
});
