import { DeleteObjectsCommand, ListObjectsV2Command } from "@aws-sdk/client-s3";
import { expect, test } from "@playwright/test";
import { Kafka, logLevel } from "kafkajs";
import { cfg, CONNECT_URL as connectUrl, oltpClient, s3 } from "./support/lab";
import { finishedKeys } from "../test/s3-writes";

// A person registers the lab's two connectors from the templates and sees them work: Debezium RUNNING, then the
// S3 sink writing objects into the bucket (checked through the S3 API until the lake browser exists).
// Names are unique to this run; everything is removed at the end.
const RUN = Date.now().toString(36);
const DBZ = `e2e-cx-dbz-${RUN}`;
const SLOT = `e2e_cx_slot_${RUN}`;
const PUB = `e2e_cx_pub_${RUN}`;
const SINK = `e2e-cx-s3-${RUN}`;
const PREFIX = `e2e-cx-${RUN}`;
async function objectsUnderPrefix(): Promise<string[]> {
  const res = await s3.send(new ListObjectsV2Command({ Bucket: "raw", Prefix: `${PREFIX}/` }));
  return (res.Contents ?? []).map((o) => o.Key!);
}

test.afterAll(async () => {
  for (const name of [DBZ, SINK]) await fetch(`${connectUrl}/connectors/${name}`, { method: "DELETE" }).catch(() => undefined);
  const db = oltpClient();
  await db.connect();
  // The deleted connector's task lets go of its slot shortly after; only an inactive slot can be dropped.
  for (let i = 0; i < 100; i++) {
    const r = await db.query("SELECT active FROM pg_replication_slots WHERE slot_name = $1", [SLOT]);
    if (!r.rows[0]?.active) break;
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  await db.query("SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = $1", [SLOT]).catch(() => undefined);
  await db.query(`DROP PUBLICATION IF EXISTS ${PUB}`).catch(() => undefined);
  await db.end();
  const keys = await objectsUnderPrefix().catch(() => []);
  if (keys.length) await s3.send(new DeleteObjectsCommand({ Bucket: "raw", Delete: { Objects: keys.map((Key) => ({ Key })) } }));
  const admin = new Kafka({ brokers: cfg.kafka.brokers, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  await admin.deleteGroups([`connect-${SINK}`]).catch(() => undefined);
  await admin.disconnect();
});

test("register the Debezium template and see it RUNNING; register the S3 sink and see objects in the bucket", async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto("/connectors");
  await expect(page.getByRole("heading", { name: "Connectors", level: 1 })).toBeVisible();
  await page.getByTestId("connectors-register").click();

  // The Debezium template is pre-filled from the console's configuration; the password is masked.
  await expect(page.getByTestId("register-mode-debezium-postgres")).toBeChecked();
  await expect(page.getByTestId("field-database.password")).toHaveValue("********");
  await expect(page.getByTestId("field-plugin.name")).toHaveValue("pgoutput");
  // Our own names, so parallel runs and the seed's connector are left alone.
  await page.getByTestId("register-name").fill(DBZ);
  await page.getByTestId("field-slot.name").fill(SLOT);
  await page.getByTestId("field-publication.name").fill(PUB);
  await page.getByTestId("register-submit").click();

  await expect(page).toHaveURL(new RegExp(`/connectors/0/${DBZ}`), { timeout: 60_000 });
  await expect(page.getByTestId("connector-state")).toHaveAttribute("data-state", "RUNNING", { timeout: 60_000 });
  await expect(page.getByTestId("connector-state")).toHaveText("RUNNING");
  await expect(page.getByTestId("task-0-state")).toHaveAttribute("data-state", "RUNNING", { timeout: 60_000 });
  await expect(page.getByTestId("debezium-slot")).toHaveAttribute("data-active", "true", { timeout: 60_000 });
  await expect(page.getByTestId("config-database.password")).toHaveText("********");

  // Pause and resume show the state the cluster reports.
  await page.getByTestId("action-pause").click();
  await expect(page.getByTestId("connector-state")).toHaveAttribute("data-state", "PAUSED");
  await page.getByTestId("action-resume").click();
  await expect(page.getByTestId("connector-state")).toHaveAttribute("data-state", "RUNNING");

  // The list shows it too.
  await page.getByRole("link", { name: /Connectors/ }).first().click();
  await expect(page.getByTestId(`connector-row-${DBZ}`)).toHaveAttribute("data-state", "RUNNING");

  // The S3 sink template, into the lab's bucket, under a folder of our own.
  await page.goto("/connectors/register");
  await page.getByText("Template: S3 sink").click();
  await expect(page.getByTestId("field-s3.bucket.name")).toHaveValue("raw");
  await expect(page.getByTestId("field-aws.secret.access.key")).toHaveValue("********");
  await page.getByTestId("register-name").fill(SINK);
  await page.getByTestId("field-topics.dir").fill(PREFIX);
  await page.getByTestId("register-submit").click();
  await expect(page).toHaveURL(new RegExp(`/connectors/0/${SINK}`), { timeout: 60_000 });
  await expect(page.getByTestId("connector-state")).toHaveAttribute("data-state", "RUNNING", { timeout: 60_000 });
  await expect(page.getByTestId("task-0-state")).toHaveAttribute("data-state", "RUNNING", { timeout: 60_000 });

  // The snapshot of pessoas (20+ rows, flush.size 10) lands in the bucket as JSON lines objects.
  await expect.poll(async () => finishedKeys(await objectsUnderPrefix()).length, { timeout: 90_000, intervals: [1000] }).toBeGreaterThan(0);
  const keys = finishedKeys(await objectsUnderPrefix());
  expect(keys[0]).toMatch(new RegExp(`^${PREFIX}/liga_sudoers\\.public\\.pessoas/year=\\d{4}/month=\\d{2}/day=\\d{2}/.+\\.jsonl$`));

  // Delete asks for the name.
  await page.getByTestId("action-delete").click();
  await expect(page.getByTestId("confirm-submit")).toBeDisabled();
  await page.getByTestId("confirm-type").fill(SINK);
  await page.getByTestId("confirm-submit").click();
  await expect(page).toHaveURL(/\/connectors$/);
  await expect(page.getByTestId(`connector-row-${DBZ}`)).toBeVisible();
  await expect(page.getByTestId(`connector-row-${SINK}`)).toHaveCount(0);
});

test("the seed's Confluent S3 JSON pasted in the raw editor: 'plugin not installed', naming it and listing the installed plugins", async ({ page }) => {
  await page.goto("/connectors/register?template=raw");
  const raw = page.getByTestId("register-raw");
  await raw.fill('{ "name": "x", "config": { "connector.class": "io.confluent.connect.s3.S3SinkConnector", ');
  await page.getByTestId("register-validate").click();
  await expect(page.getByTestId("register-raw-error")).toContainText(/line 1, column \d+/);

  await raw.fill(JSON.stringify({ name: `e2e-cx-seed-${RUN}`, config: { "connector.class": "io.confluent.connect.s3.S3SinkConnector", topics: "liga_sudoers.public.pessoas", "s3.bucket.name": "raw", "flush.size": 10 } }, null, 2));
  await page.getByTestId("register-submit").click();
  const result = page.getByTestId("register-result");
  await expect(result).toContainText("Plugin not installed");
  await expect(result).toContainText('"io.confluent.connect.s3.S3SinkConnector" is not installed');
  await expect(result).toContainText("lab.console.connect.s3.S3SinkConnector");
  await expect(page).toHaveURL(/\/connectors\/register/);
});
