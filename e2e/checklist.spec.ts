// End to end, the course walked in the browser and the checklist turning green item by item: the buckets, a small
// historical batch through the generators' API, a Debezium source of our own (own slot, publication and topic
// prefix) registered through the console, a real change in pessoas (its topic receives events), then an S3 sink of
// our own writing into raw under its own folder. The downloaded evidence holds the items and no lab password.
// And presentation mode: remembered across a reload, with a larger base font size.
import { readFileSync } from "node:fs";
import { randomInt } from "node:crypto";
import { CreateBucketCommand, DeleteBucketCommand, DeleteObjectsCommand, HeadBucketCommand, ListObjectsV2Command } from "@aws-sdk/client-s3";
import { expect, test, type Page } from "@playwright/test";
import { Kafka, logLevel } from "kafkajs";
import { cfg, debeziumConnection, deleteConnectorAndOffsets, dropReleasedSlot, labS3Sink, s3, withOltp } from "./support/lab";

const RUN = Date.now().toString(36);
const SOURCE = `e2e-ck-source-${RUN}`;
const SINK = `e2e-ck-sink-${RUN}`;
const SLOT = `e2e_ck_slot_${RUN}`;
const PUBLICATION = `e2e_ck_pub_${RUN}`;
const PREFIX = `e2eck${RUN}`;
const TOPIC = `${PREFIX}.public.pessoas`;
const SINK_DIR = `e2e-ck-${RUN}`;
const COURSE_BUCKETS = ["raw", "trusted", "refined"];
const createdBuckets: string[] = [];
const people: number[] = [];

test.describe.configure({ mode: "serial" });

async function bucketExists(name: string) {
  return s3.send(new HeadBucketCommand({ Bucket: name })).then(
    () => true,
    () => false,
  );
}

const item = (page: Page, id: string) => page.getByTestId(`checklist-item-${id}`);

async function expectStatus(page: Page, id: string, status: "ok" | "missing" | "unknown", timeout = 30_000) {
  await expect(item(page, id)).toHaveAttribute("data-status", status, { timeout });
}

test.afterAll(async () => {
  test.setTimeout(120_000);
  await deleteConnectorAndOffsets(SINK).catch(() => undefined);
  await deleteConnectorAndOffsets(SOURCE).catch(() => undefined);
  await withOltp(async (c) => {
    if (people.length) await c.query("DELETE FROM pessoas WHERE id = ANY($1::bigint[])", [people]);
    await dropReleasedSlot(c, SLOT);
    await c.query(`DROP PUBLICATION IF EXISTS ${PUBLICATION}`);
  });
  const kafka = new Kafka({ clientId: "e2e-checklist", brokers: cfg.kafka.brokers, logLevel: logLevel.NOTHING }).admin();
  await kafka.connect();
  const topics = (await kafka.listTopics()).filter((t) => t.startsWith(PREFIX));
  if (topics.length) await kafka.deleteTopics({ topics }).catch(() => undefined);
  await kafka.disconnect();
  for (let page = 0; page < 20; page++) {
    const listed = await s3.send(new ListObjectsV2Command({ Bucket: "raw", Prefix: `${SINK_DIR}/` }));
    if (!listed.Contents?.length) break;
    await s3.send(new DeleteObjectsCommand({ Bucket: "raw", Delete: { Objects: listed.Contents.map((o) => ({ Key: o.Key! })) } }));
  }
  // Only the course's buckets this spec had to create, and only when still empty.
  for (const b of createdBuckets) await s3.send(new DeleteBucketCommand({ Bucket: b })).catch(() => undefined);
});

test("the checklist turns green step by step as the course is walked, and the evidence downloads without a password", async ({ page }) => {
  test.setTimeout(300_000);
  const overview = `/?connector=${encodeURIComponent(SOURCE)}`;

  // Step 2 — the buckets (created when the lab lacks them).
  for (const b of COURSE_BUCKETS) {
    if (!(await bucketExists(b))) {
      await s3.send(new CreateBucketCommand({ Bucket: b }));
      createdBuckets.push(b);
    }
  }
  await page.goto(overview);
  await expectStatus(page, "stack", "ok");
  await expectStatus(page, "buckets", "ok");
  await expect(item(page, "buckets")).toContainText("raw: exists");

  // Before the connector exists: red with its cause, and the steps that depend on it grey.
  await expectStatus(page, "connector", "missing");
  await expect(item(page, "connector").getByTestId("checklist-cause")).toContainText(`No Debezium connector "${SOURCE}" reads ${cfg.postgres.oltpDatabase}`);
  await expectStatus(page, "topic", "unknown");
  await expectStatus(page, "sink", "unknown");

  // Step 3 — a small historical batch (another run of the shared lab may hold the generator: wait for it).
  for (let i = 0; ; i++) {
    const res = await page.request.post("/api/generators/start", { data: { generator: "historical", orders: 300, batchSize: 300, connections: 1 } });
    if (res.status() === 201 || res.status() === 200) break;
    expect(res.status(), await res.text()).toBe(409);
    expect(i).toBeLessThan(60);
    await page.waitForTimeout(1000);
  }
  await expectStatus(page, "historical", "ok", 60_000);
  await expect(item(page, "historical")).toContainText("historical orders in liga_sudoers");

  // Step 4 — the Debezium source, registered through the console.
  const source = await page.request.post("/api/connectors/0/connectors", {
    data: {
      name: SOURCE,
      config: {
        ...debeziumConnection(),
        "topic.prefix": PREFIX,
        "table.include.list": "public.pessoas",
        "slot.name": SLOT,
        "publication.name": PUBLICATION,
        "publication.autocreate.mode": "filtered",
        "snapshot.mode": "no_data",
      },
    },
  });
  expect(source.status(), await source.text()).toBe(201);
  await expectStatus(page, "connector", "ok", 90_000);
  await expect(item(page, "connector")).toContainText(`${SOURCE}: RUNNING · slot ${SLOT} · publication ${PUBLICATION}`);
  await expect(item(page, "connector")).toContainText("CDC doctor:");

  // Step 5 — a real change in pessoas: the topic receives it.
  await withOltp(async (c) => {
    for (let i = 0; i < 3; i++) {
      const id = 99_700_000_000 + randomInt(1, 99_999_999);
      people.push(id);
      await c.query("INSERT INTO pessoas (id, nome, sexo, dt_nasc) VALUES ($1, $2, 'F', '1995-05-05')", [id, `Checklist ${RUN} ${i}`]);
    }
  });
  await expectStatus(page, "topic", "ok", 90_000);
  await expect(item(page, "topic")).toContainText(`${TOPIC}:`);
  await expect(item(page, "topic")).toContainText("newest event at");
  // No sink reads the topic yet.
  await expectStatus(page, "sink", "missing");
  await expect(item(page, "sink").getByTestId("checklist-cause")).toContainText(`No sink connector reads ${TOPIC}`);

  // Step 6 — the S3 sink into raw, under a folder of its own; another change, and the sink writes it.
  const sink = await page.request.post("/api/connectors/0/connectors", {
    data: {
      name: SINK,
      config: labS3Sink(TOPIC, "raw", {
        "s3.path.style.access.enabled": "true",
        "topics.dir": SINK_DIR,
        "flush.size": "1",
        "rotate.interval.ms": "1000",
        "format.output.type": "jsonl",
        "path.format": "'year'=YYYY/'month'=MM/'day'=dd",
      }),
    },
  });
  expect(sink.status(), await sink.text()).toBe(201);
  await withOltp(async (c) => {
    for (const id of people) await c.query("UPDATE pessoas SET nome = nome || ' (Atualizado)' WHERE id = $1", [id]);
  });
  await expectStatus(page, "sink", "ok", 120_000);
  await expect(item(page, "sink")).toContainText(`${SINK} (RUNNING) → raw/${SINK_DIR}/${TOPIC}/`);

  // The evidence a student hands in: the items, the time, the console's URL, the lab's endpoints — no password.
  const downloading = page.waitForEvent("download");
  await page.getByTestId("checklist-download").click();
  const file = await downloading;
  expect(file.suggestedFilename()).toMatch(/^evidence-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ\.md$/);
  const text = readFileSync((await file.path())!, "utf8");
  for (const title of ["Bring the stack up", "Create the buckets", "Load the historical data", "Register the Debezium connector", "CDC events in Kafka", "The sink wrote to the lake", "Run the streaming", "dbt and Spark layers", "Check the fraud"]) {
    expect(text).toContain(title);
  }
  expect(text).toContain("## 4. Register the Debezium connector — ✅ evidence found");
  expect(text).toContain("## 6. The sink wrote to the lake — ✅ evidence found");
  expect(text).toContain(`Console:** http://127.0.0.1:`);
  expect(text).toContain(`Kafka: ${cfg.kafka.brokers.join(", ")}`);
  expect(text).not.toContain(cfg.s3.secretAccessKey);
  expect(text).not.toContain("sudoers1234");
  expect(text).not.toMatch(/"[\w.-]*(password|secret)[\w.-]*"\s*:\s*"sudoers"/i);
  expect(text).not.toMatch(/password=sudoers\b|:\/\/sudoers:sudoers@/i);
  // The JSON data parses and agrees with the page.
  const data = JSON.parse(text.slice(text.indexOf("```json") + 7, text.lastIndexOf("```")));
  expect(data.items.find((i: { id: string }) => i.id === "sink").status).toBe("ok");
});

test("presentation mode is remembered across a reload and raises the base font size", async ({ page }) => {
  await page.goto("/");
  const toggle = page.getByTestId("presentation-toggle");
  await expect(toggle).toHaveAttribute("aria-pressed", "false");
  const base = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  await toggle.focus();
  await page.keyboard.press("Enter");
  await expect(toggle).toHaveAttribute("aria-pressed", "true");
  await expect(page.locator("html")).toHaveAttribute("data-presentation", "on");
  await page.reload();
  await expect(page.locator("html")).toHaveAttribute("data-presentation", "on");
  await expect(page.getByTestId("presentation-toggle")).toHaveAttribute("aria-pressed", "true");
  const large = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
  expect(large).toBeGreaterThanOrEqual(base * 1.3);
  // The live tail reads the same root attribute.
  await page.goto("/topics");
  await expect(page.locator("html")).toHaveAttribute("data-presentation", "on");
  await page.getByTestId("presentation-toggle").click();
  await expect(page.locator("html")).not.toHaveAttribute("data-presentation", "on");
  await page.reload();
  await expect(page.getByTestId("presentation-toggle")).toHaveAttribute("aria-pressed", "false");
});
