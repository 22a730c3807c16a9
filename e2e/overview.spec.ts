// End to end, the overview as the real pipeline: with a Debezium source and an S3 sink of this spec's own (own
// schema, table, publication, slot, topic prefix, bucket), the overview draws table → topic → sink → bucket from
// their configs, a change makes the topic's rate move, and pausing the sink turns its stage red with the cause and
// a link to the connector's page. Everything is deleted afterwards.
import { CreateBucketCommand, DeleteBucketCommand, DeleteObjectsCommand, ListObjectsV2Command } from "@aws-sdk/client-s3";
import { expect, test } from "@playwright/test";
import { cfg, CONNECT_URL, connectRest, debeziumConnection, deleteConnectorAndOffsets, dropReleasedSlot, labS3Sink, s3, waitFor, withOltp } from "./support/lab";

const RUN = Date.now().toString(36);
const SCHEMA = `e2e_ov_${RUN}`;
const PUB = `e2e_ov_pub_${RUN}`;
const SLOT = `e2e_ov_slot_${RUN}`;
const PREFIX = `e2e_ov_${RUN}`;
const TOPIC = `${PREFIX}.${SCHEMA}.items`;
const SOURCE = `e2e-ov-src-${RUN}`;
const SINK = `e2e-ov-sink-${RUN}`;
const BUCKET = `e2e-ov-${RUN}`;
const u = new URL(CONNECT_URL);
const SLUG = `${u.hostname}-${u.port || "80"}`.toLowerCase().replace(/[^a-z0-9]+/g, "-");

test.beforeAll(async () => {
  test.setTimeout(180_000);
  await withOltp((c) => c.query(`create schema ${SCHEMA}; create table ${SCHEMA}.items (id int primary key, name text); create publication ${PUB} for table ${SCHEMA}.items`));
  await s3.send(new CreateBucketCommand({ Bucket: BUCKET }));
  const source = await connectRest("POST", "/connectors", {
    name: SOURCE,
    config: { ...debeziumConnection(), "topic.prefix": PREFIX, "table.include.list": `${SCHEMA}.items`, "slot.name": SLOT, "publication.name": PUB, "snapshot.mode": "no_data" },
  });
  expect(source.status, JSON.stringify(source.body)).toBe(201);
  const sink = await connectRest("POST", "/connectors", {
    name: SINK,
    config: labS3Sink(TOPIC, BUCKET, { "flush.size": "1", "rotate.interval.ms": "1000" }),
  });
  expect(sink.status, JSON.stringify(sink.body)).toBe(201);
  await withOltp((c) => waitFor("the source's slot to stream", async () => (await c.query("select active from pg_replication_slots where slot_name = $1", [SLOT])).rows[0]?.active === true, 120_000));
});

test.afterAll(async () => {
  test.setTimeout(120_000);
  await deleteConnectorAndOffsets(SINK);
  await deleteConnectorAndOffsets(SOURCE);
  await withOltp(async (c) => {
    await dropReleasedSlot(c, SLOT);
    await c.query(`drop publication if exists ${PUB}; drop schema if exists ${SCHEMA} cascade`);
  });
  const keys = (await s3.send(new ListObjectsV2Command({ Bucket: BUCKET }))).Contents?.map((o) => ({ Key: o.Key! })) ?? [];
  if (keys.length) await s3.send(new DeleteObjectsCommand({ Bucket: BUCKET, Delete: { Objects: keys } }));
  await s3.send(new DeleteBucketCommand({ Bucket: BUCKET })).catch(() => undefined);
  // The topic Debezium created and the sink's group: removed through Kafka's own tool is not needed — the lab keeps
  // no state for them once the connectors are gone, but the topic would stay listed: delete it.
  const { Kafka } = await import("kafkajs");
  const admin = new Kafka({ brokers: cfg.kafka.brokers, logLevel: 0 }).admin();
  await admin.connect();
  await admin.deleteTopics({ topics: [TOPIC] }).catch(() => undefined);
  await admin.deleteGroups([`connect-${SINK}`]).catch(() => undefined);
  await admin.disconnect();
});

test("the overview draws table → topic → sink → bucket, moves with a change, and shows a paused sink red with its cause", async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto("/");
  const table = page.getByTestId(`stage-table:oltp/${SCHEMA}.items`);
  const topic = page.getByTestId(`stage-topic:${TOPIC}`);
  const sink = page.getByTestId(`stage-connector:${SLUG}/${SINK}`);
  const bucket = page.getByTestId(`stage-bucket:${BUCKET}/topics`);
  const cluster = page.getByTestId(`pipeline-cluster-${SLUG}`);
  for (const stage of [table, page.getByTestId(`stage-connector:${SLUG}/${SOURCE}`), topic, sink, bucket]) await expect(cluster.locator(stage)).toBeVisible({ timeout: 30_000 });
  // The graph's edges, as the cards name them.
  await expect(page.getByTestId(`stage-connector:${SLUG}/${SOURCE}`)).toContainText(`feeds ${TOPIC}`);
  await expect(topic).toContainText(`feeds ${SINK}`);
  await expect(sink).toContainText(`feeds ${BUCKET}/topics/`);
  await expect(table).toHaveAttribute("data-level", "ok");

  // Changes while we watch: the topic's events/s moves above zero.
  let id = 0;
  const writer = setInterval(() => {
    void withOltp((c) => c.query(`insert into ${SCHEMA}.items (id, name) values ($1, 'e2e')`, [id++])).catch(() => undefined);
  }, 300);
  try {
    await expect.poll(async () => Number((await topic.getAttribute("data-rate")) ?? 0), { timeout: 60_000, intervals: [200] }).toBeGreaterThan(0);
    await expect(topic).toContainText("events/s");
  } finally {
    clearInterval(writer);
  }
  await expect(sink).toHaveAttribute("data-level", "ok", { timeout: 60_000 });

  // Pausing the sink turns its stage red, says why, and links the connector's page.
  expect((await connectRest("PUT", `/connectors/${SINK}/pause`)).status).toBe(202);
  await withOltp((c) => c.query(`insert into ${SCHEMA}.items (id, name) values (100000, 'while paused')`));
  await expect(sink).toHaveAttribute("data-level", "error", { timeout: 30_000 });
  await expect(sink.getByTestId("stage-cause")).toContainText(`Sink ${SINK} is PAUSED`);
  const link = sink.getByTestId("stage-link");
  await expect(link).toHaveAttribute("href", `/connectors/${SLUG}/${SINK}`);
  await link.click();
  await expect(page).toHaveURL(new RegExp(`/connectors/${SLUG}/${SINK}$`));
  await expect(page.getByTestId("connector-chart-lag-figure")).toBeVisible();
});
