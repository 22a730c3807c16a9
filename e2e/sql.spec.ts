import { CreateBucketCommand, DeleteObjectsCommand, GetObjectCommand, ListObjectsV2Command } from "@aws-sdk/client-s3";
import { expect, test } from "@playwright/test";
import { Kafka, logLevel } from "kafkajs";
import { cfg, CONNECT_URL, debeziumConnection, dropReleasedSlot, labS3Sink, s3, withOltp } from "./support/lab";

// A person opens SQL, picks the raw prefix of a Debezium topic, runs the reconcile example and sees 0 differences,
// saves the result as Parquet under trusted/ and opens it in the lake browser. The captured table lives in a
// schema of this run's own (other engineers' generators write public.pessoas); everything is removed at the end.
const RUN = Date.now().toString(36);
const SCHEMA = `sql_e2e_${RUN}`;
const PREFIX = `sqle2e${RUN}`;
const TOPIC = `${PREFIX}.${SCHEMA}.pessoas`;
const DBZ = `sql-e2e-dbz-${RUN}`;
const SINK = `sql-e2e-s3-${RUN}`;
const SLOT = `sql_e2e_slot_${RUN}`;
const PUB = `sql_e2e_pub_${RUN}`;
const BUCKET = "sql-raw";
const SAVED_KEY = `sql-e2e-${RUN}/reconcile.parquet`;
const EVENTS = 300 + 20 + 10 + 5; // snapshot, updates, inserts, deletes

async function keys(bucket: string, prefix: string): Promise<string[]> {
  const res = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix }));
  return (res.Contents ?? []).map((o) => o.Key!).filter((k) => k.endsWith(".jsonl") || k.endsWith(".parquet"));
}

async function linesInLake(): Promise<number> {
  let n = 0;
  for (const key of await keys(BUCKET, `topics/${TOPIC}/`)) {
    const body = await (await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: key }))).Body!.transformToString();
    n += body.split("\n").filter(Boolean).length;
  }
  return n;
}

async function status(name: string): Promise<string> {
  const res = await fetch(`${CONNECT_URL}/connectors/${name}/status`);
  if (!res.ok) return `HTTP ${res.status}`;
  const b = (await res.json()) as { connector: { state: string }; tasks: Array<{ state: string }> };
  return `${b.connector.state}/${b.tasks.map((t) => t.state).join(",")}`;
}

const json = { "key.converter": "org.apache.kafka.connect.json.JsonConverter", "key.converter.schemas.enable": "false", "value.converter": "org.apache.kafka.connect.json.JsonConverter", "value.converter.schemas.enable": "false" };

test.beforeAll(async () => {
  test.setTimeout(180_000);
  await withOltp(async (c) => {
    await c.query(`CREATE SCHEMA ${SCHEMA}`);
    await c.query(`CREATE TABLE ${SCHEMA}.pessoas (LIKE public.pessoas INCLUDING ALL)`);
    await c.query(`CREATE TRIGGER pessoas_updated_at BEFORE UPDATE ON ${SCHEMA}.pessoas FOR EACH ROW EXECUTE FUNCTION public.set_updated_at()`);
    await c.query(`INSERT INTO ${SCHEMA}.pessoas (id, nome, sexo, dt_nasc) SELECT 81000000000 + g, 'Pessoa ' || g, 'M', date '1980-01-01' + g FROM generate_series(1, 300) g`);
  });
  const post = (name: string, config: Record<string, string>) =>
    fetch(`${CONNECT_URL}/connectors`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ name, config }) });
  expect((await post(DBZ, {
    ...debeziumConnection(),
    "table.include.list": `${SCHEMA}.pessoas`,
    "topic.prefix": PREFIX,
    "slot.name": SLOT,
    "publication.name": PUB,
    "publication.autocreate.mode": "filtered",
    "time.precision.mode": "adaptive",
    ...json,
  })).status).toBe(201);
  // The sink's bucket, whether or not another test made it first (a sink into a missing bucket fails).
  await s3.send(new CreateBucketCommand({ Bucket: BUCKET })).catch((e) => {
    if (!/BucketAlready/.test((e as Error).name)) throw e;
  });
  expect((await post(SINK, labS3Sink(TOPIC, BUCKET, { "flush.size": "50", "rotate.interval.ms": "1000", ...json }))).status).toBe(201);
  await expect.poll(() => status(DBZ), { timeout: 60_000 }).toBe("RUNNING/RUNNING");
  await expect.poll(() => status(SINK), { timeout: 60_000 }).toBe("RUNNING/RUNNING");
  await expect.poll(async () => (await linesInLake()) >= 300, { timeout: 90_000, intervals: [1000] }).toBe(true);
  await withOltp(async (c) => {
    await c.query(`UPDATE ${SCHEMA}.pessoas SET nome = nome || ' (Atualizado)' WHERE id <= 81000000020`);
    await c.query(`INSERT INTO ${SCHEMA}.pessoas (id, nome, sexo, dt_nasc) SELECT 81000001000 + g, 'Nova ' || g, 'F', date '1990-01-01' + g FROM generate_series(1, 10) g`);
    await c.query(`DELETE FROM ${SCHEMA}.pessoas WHERE id BETWEEN 81000000100 AND 81000000104`);
  });
  await expect.poll(linesInLake, { timeout: 90_000, intervals: [1000] }).toBeGreaterThanOrEqual(EVENTS);
});

test.afterAll(async () => {
  for (const name of [DBZ, SINK]) await fetch(`${CONNECT_URL}/connectors/${name}`, { method: "DELETE" }).catch(() => undefined);
  await withOltp(async (c) => {
    await dropReleasedSlot(c, SLOT);
    await c.query(`DROP PUBLICATION IF EXISTS ${PUB}`).catch(() => undefined);
    await c.query(`DROP SCHEMA IF EXISTS ${SCHEMA} CASCADE`).catch(() => undefined);
  });
  for (const [bucket, prefix] of [[BUCKET, `topics/${TOPIC}/`], ["trusted", `sql-e2e-${RUN}/`]] as const) {
    const k = await keys(bucket, prefix).catch(() => []);
    if (k.length) await s3.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: k.map((Key) => ({ Key })) } }));
  }
  const admin = new Kafka({ brokers: cfg.kafka.brokers, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  const mine = (await admin.listTopics()).filter((t) => t.startsWith(PREFIX));
  if (mine.length) await admin.deleteTopics({ topics: mine });
  await admin.deleteGroups([`connect-${SINK}`]).catch(() => undefined);
  await admin.disconnect();
});

test("reconcile the lake with its source table, save the result as Parquet and open it in the lake", async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto("/sql");
  await expect(page.getByRole("heading", { name: "SQL", level: 1 })).toBeVisible();

  // the side panel: bucket, then the sink's topics folder, then the topic's prefix as a table
  await page.getByRole("button", { name: BUCKET, exact: true }).click();
  await page.getByRole("button", { name: "topics/", exact: true }).click();
  await page.getByTestId(`sql-use-${TOPIC}`).click();
  const describe = page.getByTestId("sql-describe");
  await expect(describe).toContainText("jsonl", { timeout: 60_000 });
  await expect(describe.getByRole("checkbox")).toBeChecked(); // Debezium detected: flattened by default
  await describe.getByLabel("Table name").fill("raw_pessoas");
  await describe.getByRole("button", { name: "Add table" }).click();
  await expect(page.getByTestId("sql-tables")).toContainText(`topics/${TOPIC}/`);

  // the reconcile example keeps the prefix picked for raw_pessoas; its source table is this run's
  await page.getByTestId("sql-examples").selectOption({ label: "Reconcile: lake × source table" });
  const source = page.getByTestId("sql-pg-pg_pessoas");
  await source.fill(`${SCHEMA}.pessoas`);
  await source.blur();
  await expect(page.getByTestId("sql-tables")).toContainText(`oltp.${SCHEMA}.pessoas`);
  await page.getByTestId("sql-run").click();

  const result = page.getByTestId("sql-result");
  await expect(result).toBeVisible({ timeout: 90_000 });
  const headers = await result.locator("thead th span:first-child").allTextContents();
  const cells = await result.locator("tbody tr").first().locator("td").allTextContents();
  const row = Object.fromEntries(headers.map((h, i) => [h, cells[i]]));
  expect(row).toMatchObject({ lake_rows: "305", source_rows: "305", missing_in_lake: "0", missing_in_source: "0", different: "0", differences: "0" });

  // the next layer: the result as Parquet under trusted/, confirmed, then opened in the lake browser
  await page.getByTestId("sql-save-key").fill(SAVED_KEY);
  await page.getByTestId("sql-save-parquet").click();
  await page.getByTestId("sql-save-confirm").getByRole("button", { name: "Write" }).click();
  await expect(page.getByTestId("sql-saved")).toContainText(`trusted/${SAVED_KEY}`, { timeout: 60_000 });
  await page.getByRole("link", { name: "Open in the lake" }).click();
  await expect(page.getByTestId("lake-preview")).toHaveAttribute("data-kind", "parquet", { timeout: 30_000 });
  await expect(page.getByTestId("parquet-rows")).toContainText("differences");
});
