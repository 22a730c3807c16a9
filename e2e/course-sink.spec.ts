// End to end, the course's first hour with its own S3 sink JSON: registered exactly as the course gives it, the
// console says the Confluent plugin is not installed and offers this lab's sink in one click (a diff, then
// validation); registered, it writes objects into `raw` under the course's layout. And a sink with a wrong secret
// shows FAILED with S3's cause on the connectors list.
import { randomInt } from "node:crypto";
import { DeleteObjectsCommand, ListObjectsV2Command } from "@aws-sdk/client-s3";
import { expect, test, type Page } from "@playwright/test";
import { finishedKeys } from "../test/s3-writes";
import { cfg, connectRest, deleteConnectorAndOffsets, dropReleasedSlot, pessoasSource, s3, waitFor, withOltp } from "./support/lab";

const TOPIC = "liga_sudoers.public.pessoas";
const RUN = Date.now().toString(36);
const SOURCE = `e2e-course-pessoas-${RUN}`;
const SLOT = `e2e_course_slot_${RUN}`;
const PUBLICATION = "e2e_course_pub";
const WRONG_SECRET_SINK = "e2e-course-wrong-secret";

/** The course's sink, with the course's keys and Docker hostnames (SEED.md and the course's docs). */
const COURSE_SINK = {
  name: "minio-sink-connector",
  config: {
    "connector.class": "io.confluent.connect.s3.S3SinkConnector",
    "tasks.max": "1",
    topics: TOPIC,
    "s3.bucket.name": "raw",
    "s3.region": "us-east-1",
    "s3.endpoint": "http://minio:9000",
    "store.url": "http://minio:9000",
    "s3.access.key": cfg.s3.accessKeyId,
    "s3.secret.key": cfg.s3.secretAccessKey,
    "s3.path.style.access": "true",
    "storage.class": "io.confluent.connect.s3.storage.S3Storage",
    "format.class": "io.confluent.connect.s3.format.json.JsonFormat",
    "partitioner.class": "io.confluent.connect.storage.partitioner.TimeBasedPartitioner",
    "path.format": "'year'=YYYY/'month'=MM/'day'=dd",
    "partition.duration.ms": "86400000",
    locale: "pt_BR",
    timezone: "UTC",
    "flush.size": "10",
    "rotate.interval.ms": "10000",
  },
};

let registeredSource = false;
const ids: number[] = [];

/** A running Debezium source writing liga_sudoers.public.pessoas, registering one of our own when there is none. */
async function ensurePessoasSource(): Promise<void> {
  const all = (await connectRest("GET", "/connectors?expand=info&expand=status")).body as Record<string, { info: { config: Record<string, string> }; status: { connector: { state: string } } }>;
  const running = Object.values(all ?? {}).some((c) => c.info.config["topic.prefix"] === "liga_sudoers" && c.info.config["connector.class"]?.includes("PostgresConnector") && c.status.connector.state === "RUNNING");
  if (running) return;
  const res = await connectRest("POST", "/connectors", {
    name: SOURCE,
    config: pessoasSource(SLOT, PUBLICATION),
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  registeredSource = true;
  await withOltp((c) => waitFor("the source's slot to stream", async () => (await c.query("select active from pg_replication_slots where slot_name = $1", [SLOT])).rows[0]?.active === true));
}

/** Every finished object under the prefix, past S3's 1,000 keys a page (a lab that ran a while holds thousands). */
async function sinkKeys(prefix: string): Promise<string[]> {
  const keys: string[] = [];
  let token: string | undefined;
  for (let page = 0; page < 100; page++) {
    const out = await s3.send(new ListObjectsV2Command({ Bucket: "raw", Prefix: prefix, ContinuationToken: token }));
    keys.push(...(out.Contents ?? []).map((o) => o.Key!));
    token = out.NextContinuationToken;
    if (!token) break;
  }
  return finishedKeys(keys);
}

/** As a student does: the register page opens on the Debezium template; they switch to raw JSON and paste theirs. */
async function registerRaw(page: Page, json: unknown) {
  await page.goto("/connectors/register");
  await page.getByText("Pasted JSON", { exact: true }).click();
  await expect(page.getByTestId("register-raw")).toBeVisible();
  await page.getByTestId("register-raw").fill(JSON.stringify(json, null, 2));
  await page.getByTestId("register-validate").click();
}

test.beforeAll(async () => {
  test.setTimeout(120_000);
  await ensurePessoasSource();
});

test.afterAll(async () => {
  for (const name of [COURSE_SINK.name, WRONG_SECRET_SINK]) await connectRest("DELETE", `/connectors/${name}`);
  if (ids.length) await withOltp((c) => c.query("delete from pessoas where id = any($1::bigint[])", [ids]));
  if (registeredSource) {
    await deleteConnectorAndOffsets(SOURCE);
    await withOltp(async (c) => {
      await dropReleasedSlot(c, SLOT);
      await c.query(`drop publication if exists ${PUBLICATION}`);
    });
  }
});

test("the course's S3 sink JSON, converted in one click, writes objects into raw under the course's layout", async ({ page }) => {
  test.setTimeout(180_000);
  const today = new Date();
  const day = `year=${today.getUTCFullYear()}/month=${String(today.getUTCMonth() + 1).padStart(2, "0")}/day=${String(today.getUTCDate()).padStart(2, "0")}/`;
  const prefix = `topics/${TOPIC}/${day}`;
  const before = new Set(await sinkKeys(prefix));

  await registerRaw(page, COURSE_SINK);
  const result = page.getByTestId("register-result");
  await expect(result).toContainText('"io.confluent.connect.s3.S3SinkConnector" is not installed');
  const changes = page.getByTestId("lab-changes");
  await expect(changes).toContainText("connector.class");
  await expect(changes).toContainText("lab.console.connect.s3.S3SinkConnector");
  await expect(changes).toContainText(`store.url: http://minio:9000 → ${cfg.s3.endpointForConnect}`);
  await page.getByTestId("use-lab-settings").click();
  await expect(result).toContainText("lab.console.connect.s3.S3SinkConnector", { timeout: 30_000 });
  await expect(page.getByTestId("register-raw")).toHaveValue(/lab\.console\.connect\.s3\.S3SinkConnector/);
  await page.getByTestId("register-submit").click();
  await expect(page.getByTestId("registered-banner")).toBeVisible({ timeout: 30_000 });
  // The audit log records a pasted JSON as no template's (it used to say "debezium-postgres" for a sink).
  const audit = (await (await page.request.get(`/api/audit?action=connector.create&target=${COURSE_SINK.name}&limit=1`)).json()) as { data: { rows: { params: { input?: { template?: string } } }[] } };
  expect(audit.data.rows[0]?.params.input).toBeDefined();
  expect(audit.data.rows[0]?.params.input?.template).toBeUndefined();

  // Ten real changes: one flush.size worth of events, written as one object.
  await withOltp(async (c) => {
    for (let i = 0; i < 10; i++) {
      const id = 99_800_000_000 + randomInt(1, 99_999_999);
      ids.push(id);
      await c.query("insert into pessoas (id, nome, sexo, dt_nasc) values ($1, $2, 'F', '1997-10-29')", [id, `Curso ${i}`]);
    }
  });
  const written = await waitFor("the sink's objects under the course's layout", async () => {
    const fresh = (await sinkKeys(prefix)).filter((k) => !before.has(k));
    return fresh.length ? fresh : null;
  }, 90_000);
  expect(written[0]).toMatch(new RegExp(`^topics/${TOPIC.replace(/\./g, "\\.")}/year=\\d{4}/month=\\d{2}/day=\\d{2}/.+\\.json$`));
  await s3.send(new DeleteObjectsCommand({ Bucket: "raw", Delete: { Objects: written.map((Key) => ({ Key })) } }));
});

test("a sink with a wrong secret is FAILED on the connectors list, with S3's own cause, within a minute", async ({ page }) => {
  test.setTimeout(120_000);
  await registerRaw(page, {
    name: WRONG_SECRET_SINK,
    config: { ...COURSE_SINK.config, "s3.bucket.name": "raw", "s3.endpoint": cfg.s3.endpointForConnect, "store.url": cfg.s3.endpointForConnect, "connector.class": "lab.console.connect.s3.S3SinkConnector", "s3.secret.key": "not-the-secret" },
  });
  await expect(page.getByTestId("register-result")).toContainText("lab.console.connect.s3.S3SinkConnector", { timeout: 30_000 });
  await page.getByTestId("register-submit").click();
  await expect(page.getByTestId("registered-banner")).toBeVisible({ timeout: 30_000 });
  await page.goto("/connectors");
  const row = page.getByTestId(`connector-row-${WRONG_SECRET_SINK}`);
  await expect(row).toHaveAttribute("data-state", /RUNNING|FAILED/);
  await expect(page.getByTestId(`connector-row-${WRONG_SECRET_SINK}-cause`)).toContainText(/SignatureDoesNotMatch|InvalidAccessKeyId|AccessDenied/, { timeout: 60_000 });
});
