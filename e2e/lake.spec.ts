import { randomUUID } from "node:crypto";
import { DeleteBucketCommand, DeleteObjectsCommand, ListObjectsV2Command, PutObjectCommand } from "@aws-sdk/client-s3";
import { expect, test } from "@playwright/test";
import { Kafka, logLevel } from "kafkajs";
import { cfg, connectRest, debeziumConnection, dropReleasedSlot, s3, withOltp } from "./support/lab";
import { finishedKeys } from "../test/s3-writes";

// The lake browser against the real lab: the S3 sink writes Debezium events into `raw`, and a person walks
// there; buckets are created and deleted; files are uploaded, paged through, watched arriving and deleted.
const ID = randomUUID().replace(/-/g, "").slice(0, 8);
const TOPIC_PREFIX = `lake_e2e_${ID}`;
const TOPIC = `${TOPIC_PREFIX}.public.pessoas`;
const SLOT = `lake_e2e_${ID}`;
const SOURCE = `lake-e2e-source-${ID}`;
const SINK = `lake-e2e-sink-${ID}`;
const SINK_DIR = `lake-e2e-${ID}`;
const PERSON_ID = 99_700_000_000 + Math.floor(Math.random() * 99_999_999);
const PERSON = `Lake E2E ${ID}`;
const BUCKET = `lake-e2e-${ID}`;

const db = withOltp;
const connect = connectRest;

async function keysUnder(bucket: string, prefix: string): Promise<string[]> {
  const out = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix }));
  return (out.Contents ?? []).map((o) => o.Key!);
}

async function emptyPrefix(bucket: string, prefix: string) {
  for (;;) {
    const keys = await keysUnder(bucket, prefix).catch(() => []);
    if (keys.length === 0) return;
    await s3.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: keys.map((Key) => ({ Key })) } }));
  }
}

test.describe.configure({ mode: "serial" });

test.afterAll(async () => {
  test.setTimeout(120_000);
  await connect("DELETE", `/connectors/${SOURCE}`);
  await connect("DELETE", `/connectors/${SINK}`);
  await db(async (c) => {
    await c.query("DELETE FROM pessoas WHERE id = $1", [PERSON_ID]);
    // The slot stays active until Connect has stopped the task.
    await dropReleasedSlot(c, SLOT);
    await c.query(`DROP PUBLICATION IF EXISTS ${SLOT}`);
  });
  const admin = new Kafka({ clientId: "lake-e2e", brokers: cfg.kafka.brokers, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  await admin.deleteTopics({ topics: [TOPIC] }).catch(() => undefined);
  await admin.deleteGroups([`connect-${SINK}`]).catch(() => undefined);
  await admin.disconnect();
  await emptyPrefix("raw", `${SINK_DIR}/`);
  await emptyPrefix(BUCKET, "");
  await s3.send(new DeleteBucketCommand({ Bucket: BUCKET })).catch(() => undefined);
  s3.destroy();
});

test("after the S3 sink has written, a person opens raw, walks the partitions down to a file and sees the change events", async ({ page }) => {
  test.setTimeout(240_000);
  // Debezium captures pessoas (no snapshot: only the changes below), the lab's S3 sink writes them into raw.
  const source = await connect("PUT", `/connectors/${SOURCE}/config`, {
    ...debeziumConnection(),
    "topic.prefix": TOPIC_PREFIX,
    "table.include.list": "public.pessoas",
    "slot.name": SLOT,
    "publication.name": SLOT,
    "publication.autocreate.mode": "filtered",
    "snapshot.mode": "no_data",
    "time.precision.mode": "adaptive",
    "decimal.handling.mode": "double",
  });
  expect(source.status, JSON.stringify(source.body)).toBeLessThan(300);
  const sink = await connect("PUT", `/connectors/${SINK}/config`, {
    "connector.class": "lab.console.connect.s3.S3SinkConnector",
    topics: TOPIC,
    "s3.bucket.name": "raw",
    "store.url": cfg.s3.endpointForConnect,
    "aws.access.key.id": cfg.s3.accessKeyId,
    "aws.secret.access.key": cfg.s3.secretAccessKey,
    "topics.dir": SINK_DIR,
    "flush.size": "3",
    "rotate.interval.ms": "10000",
  });
  expect(sink.status, JSON.stringify(sink.body)).toBeLessThan(300);

  // Changes made before the replication slot exists would not be captured.
  await expect.poll(() => db(async (c) => (await c.query("SELECT 1 FROM pg_replication_slots WHERE slot_name = $1", [SLOT])).rowCount), { timeout: 90_000 }).toBe(1);
  await db(async (c) => {
    await c.query("INSERT INTO pessoas (id, nome, sexo, dt_nasc) VALUES ($1, $2, 'F', '1995-03-04')", [PERSON_ID, PERSON]);
    await c.query("UPDATE pessoas SET nome = $2 WHERE id = $1", [PERSON_ID, `${PERSON} (Atualizado)`]);
    await c.query("DELETE FROM pessoas WHERE id = $1", [PERSON_ID]);
  });
  const written = async () => finishedKeys(await keysUnder("raw", `${SINK_DIR}/`));
  await expect.poll(written, { timeout: 90_000, message: "the sink wrote no file" }).toHaveLength(1);
  const [key] = await written();
  // e.g. lake-e2e-x/lake_e2e_x.public.pessoas/year=2026/month=11/day=28/lake_e2e_x.public.pessoas+0+0000000000000000000.jsonl
  const segments = key.split("/");
  expect(segments.slice(2, 5).map((s) => s.split("=")[0])).toEqual(["year", "month", "day"]);

  await page.goto("/lake");
  await page.getByRole("link", { name: "raw", exact: true }).click();
  await expect(page.getByRole("navigation", { name: "Path" })).toContainText("raw");
  await page.getByTestId("lake-browser").getByPlaceholder("start of the name…").fill(SINK_DIR);
  await page.locator(`[data-testid="lake-folder"][data-prefix="${SINK_DIR}/"] a`).click();
  await page.locator(`[data-testid="lake-folder"][data-prefix="${SINK_DIR}/${TOPIC}/"] a`).click();
  let prefix = `${SINK_DIR}/${TOPIC}/`;
  for (const segment of segments.slice(2, 5)) {
    prefix += `${segment}/`;
    // Partitions show as key = value chips.
    const folder = page.locator(`[data-testid="lake-folder"][data-prefix="${prefix}"]`);
    await expect(folder.locator(`[data-partition="${segment}"]`)).toBeVisible();
    await folder.getByRole("link").click();
    await expect(page.getByRole("navigation", { name: "Path" }).locator(`[data-partition="${segment}"]`)).toBeVisible();
  }
  await page.getByRole("link", { name: segments.at(-1)! }).click();

  const preview = page.getByTestId("lake-preview");
  await expect(preview).toHaveAttribute("data-kind", "jsonl");
  await expect(preview.getByTestId("jsonl-summary")).toContainText("3 lines, 3 Debezium change events");
  const events = preview.getByTestId("change-event");
  await expect(events.nth(0)).toHaveAttribute("data-op", "c");
  await expect(events.nth(0)).toContainText("public.pessoas");
  await expect(events.nth(0)).toContainText(PERSON);
  // The sink writes the record value without its Connect schema, so dt_nasc stays Debezium's epoch-day number.
  await expect(events.nth(0)).toContainText(String(PERSON_ID));
  await expect(events.nth(1)).toHaveAttribute("data-op", "u");
  await expect(events.nth(1)).toContainText(`${PERSON} (Atualizado)`);
  await expect(events.nth(2)).toHaveAttribute("data-op", "d");
  await expect(events.nth(2)).toContainText(String(PERSON_ID));
});

test("buckets: a bad name is refused as it is typed, a bucket is created, policies are reported unsupported, and a non-empty bucket goes after a confirmation with its count", async ({ page }) => {
  await page.goto("/lake");
  const name = page.getByLabel("Other name");
  await name.fill("Bad_Name");
  await expect(page.getByText("Use only lowercase letters, digits, dots (.) and hyphens (-).")).toBeVisible();
  await expect(page.getByRole("button", { name: "Create", exact: true })).toBeDisabled();
  await name.fill("192.168.5.4");
  await expect(page.getByText("The name cannot look like an IP address")).toBeVisible();

  await name.fill(BUCKET);
  await page.getByRole("button", { name: "Create", exact: true }).click();
  await expect(page.getByRole("status").filter({ hasText: `Created: ${BUCKET}.` })).toBeVisible();
  const row = page.getByTestId(`bucket-${BUCKET}`);
  await expect(row).toBeVisible();

  // S3Proxy has no bucket policies: the console says so, and offers no "Make public" it would have to refuse.
  await expect(row.getByTestId("bucket-access")).toHaveAttribute("data-access", "unsupported");
  await expect(row.getByTestId("bucket-access")).toContainText("not supported by this S3 server");
  await expect(row.getByRole("button", { name: "Make public" })).toHaveCount(0);

  await Promise.all(["a.txt", "b/c.txt", "b/d.txt"].map((Key) => s3.send(new PutObjectCommand({ Bucket: BUCKET, Key, Body: "x" }))));
  await row.getByRole("button", { name: "Count objects" }).click();
  await expect(row.getByTestId("bucket-stats")).toHaveText("3 objects · 3 B");
});

test("inside a bucket: uploads by drag and drop and in parts, true paging, latest objects arriving, deletes with counts", async ({ page }) => {
  test.setTimeout(180_000);
  // 450 objects under one folder: three pages of 200.
  const keys = Array.from({ length: 450 }, (_, i) => `paged/obj-${String(i).padStart(3, "0")}.txt`);
  for (let i = 0; i < keys.length; i += 50) {
    await Promise.all(keys.slice(i, i + 50).map((Key) => s3.send(new PutObjectCommand({ Bucket: BUCKET, Key, Body: "x" }))));
  }

  await page.goto(`/lake/${BUCKET}?prefix=paged/`);
  const seen = new Set<string>();
  const pageKeys = async () => page.getByTestId("lake-object").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-key")!));
  for (const [n, count] of [[1, 200], [2, 200], [3, 50]] as const) {
    await expect(page.getByTestId("lake-page")).toHaveText(`Page ${n} · ${count} items`);
    // The previous page stays on screen while the next one loads: wait for this page's first key.
    await expect(page.getByTestId("lake-object").first()).toHaveAttribute("data-key", keys[(n - 1) * 200]);
    await expect(page.getByTestId("lake-object")).toHaveCount(count);
    for (const k of await pageKeys()) {
      expect(seen.has(k), k).toBe(false);
      seen.add(k);
    }
    if (n < 3) await page.getByRole("button", { name: "Next →" }).click();
  }
  expect(seen.size).toBe(450);
  await expect(page.getByRole("button", { name: "Next →" })).toBeDisabled();
  await page.getByRole("button", { name: "← Previous" }).click();
  await expect(page.getByTestId("lake-page")).toHaveText("Page 2 · 200 items");
  await expect(page.getByTestId("lake-object").first()).toHaveAttribute("data-key", "paged/obj-200.txt");

  // Delete two selected objects, then the whole folder after its count.
  await page.getByLabel("Select obj-200.txt").check();
  await page.getByLabel("Select obj-201.txt").check();
  await page.getByRole("button", { name: "Delete selected (2)" }).click();
  await page.getByTestId("delete-objects-dialog").getByRole("button", { name: "Delete 2 objects" }).click();
  await expect(page.getByRole("status").filter({ hasText: "2 objects deleted." })).toBeVisible();
  await page.getByRole("button", { name: "Delete this folder" }).click();
  const dialog = page.getByTestId("delete-prefix-dialog");
  await expect(dialog.getByTestId("delete-prefix-count")).toContainText("448 objects");
  await dialog.getByTestId("confirm-type").fill("paged/");
  await dialog.getByRole("button", { name: "Delete 448 objects" }).click();
  await expect(page).toHaveURL(new RegExp(`/lake/${BUCKET}$`));
  await expect.poll(() => keysUnder(BUCKET, "paged/")).toEqual([]);

  // Upload: a small file dropped on the listing, a 9 MiB one (two parts) through the file picker.
  await page.goto(`/lake/${BUCKET}?prefix=up/`);
  const drop = await page.evaluateHandle(() => {
    const dt = new DataTransfer();
    dt.items.add(new File(['{"dropped":true}'], "dropped.json", { type: "application/json" }));
    return dt;
  });
  await page.getByTestId("lake-browser").dispatchEvent("drop", { dataTransfer: drop });
  await expect(page.locator('[data-testid="lake-upload"][data-status="done"]')).toContainText("up/dropped.json");
  await page.getByTestId("lake-upload-input").setInputFiles({ name: "big.bin", mimeType: "application/octet-stream", buffer: Buffer.alloc(9 * 1024 * 1024, 7) });
  await expect(page.locator('[data-testid="lake-upload"]').filter({ hasText: "up/big.bin" })).toHaveAttribute("data-status", "done", { timeout: 60_000 });
  await expect(page.locator('[data-testid="lake-object"][data-key="up/big.bin"]')).toContainText("9 MB");
  await expect(page.locator('[data-testid="lake-object"][data-key="up/dropped.json"]')).toBeVisible();

  // Latest objects: a file written now shows up, marked new, without reloading.
  await page.getByRole("tab", { name: "Latest objects" }).click();
  await expect(page.getByTestId("lake-latest-object").first()).toBeVisible();
  await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: "up/arrived-later.json", Body: "{}" }));
  const arrived = page.locator('[data-testid="lake-latest-object"][data-key="up/arrived-later.json"]');
  await expect(arrived).toContainText("new", { timeout: 15_000 });

  // Open the dropped file: preview and a working download link.
  await page.getByRole("tab", { name: "Browse" }).click();
  await page.getByRole("link", { name: "dropped.json" }).click();
  await expect(page.getByTestId("lake-preview")).toContainText('"dropped": true');
  const download = page.waitForEvent("download");
  await page.getByTestId("lake-download").click();
  expect((await download).suggestedFilename()).toBe("dropped.json");
});

test("deleting the bucket states how many objects go with it", async ({ page }) => {
  const remaining = (await keysUnder(BUCKET, "")).length;
  expect(remaining).toBeGreaterThan(0);
  await page.goto("/lake");
  const row = page.getByTestId(`bucket-${BUCKET}`);
  await row.getByRole("button", { name: "Delete", exact: true }).click();
  const dialog = page.getByTestId("delete-bucket-dialog");
  await expect(dialog).toContainText(`Bucket ${BUCKET} has ${remaining} objects`);
  await dialog.getByTestId("confirm-type").fill(BUCKET);
  await dialog.getByRole("button", { name: `Delete ${remaining} objects and the bucket` }).click();
  await expect(row).toHaveCount(0);
  await expect.poll(async () => (await s3.send(new ListObjectsV2Command({ Bucket: BUCKET })).catch((e) => e.name)) as unknown).toBe("NoSuchBucket");
});

