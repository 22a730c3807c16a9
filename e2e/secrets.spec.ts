import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { DeleteObjectsCommand, ListObjectsV2Command } from "@aws-sdk/client-s3";
import { expect, test, type Page } from "@playwright/test";
import { Kafka, logLevel } from "kafkajs";
import { cfg, connectRest, debeziumConnection, dropReleasedSlot, s3, withOltp } from "./support/lab";

// With a Debezium source and an S3 sink registered — both holding passwords in their configs — crawl every
// page and every response a browser gets from the console, and the client bundle on disk: no password may
// appear anywhere. The source uses a database role with a password of its own so that any leak is unambiguous.
const PG_SECRET = "Crawl-Pg-Secret-41f";
const S3_SECRET = cfg.s3.secretAccessKey;
// Fresh names each run: Connect keeps a source's offsets under its name, and they would point into a slot that
// the previous run dropped.
const RUN = Date.now().toString(36);
const SOURCE = `crawl-secrets-debezium-${RUN}`;
const SINK = `crawl-secrets-s3-sink-${RUN}`;
const PREFIX = `crawlsecrets${RUN}`;

function leaks(body: string): string[] {
  const found: string[] = [];
  if (body.includes(PG_SECRET)) found.push(PG_SECRET);
  if (body.includes(S3_SECRET)) found.push("the S3 secret key");
  // The lab's own database password is also a user and database name, so look for it as a value of a secret key.
  const m = /"[\w.-]*(password|secret)[\w.-]*"\s*:\s*"sudoers"/i.exec(body) ?? /password=sudoers\b/i.exec(body) ?? /:\/\/sudoers:sudoers@/.exec(body);
  if (m) found.push(m[0]);
  return found;
}

const admin = withOltp;
const connect = connectRest;

async function cleanup() {
  await connect("DELETE", `/connectors/${SOURCE}`);
  await connect("DELETE", `/connectors/${SINK}`);
  await admin(async (c) => {
    await dropReleasedSlot(c, "crawl_secrets_slot");
    await c.query("DROP PUBLICATION IF EXISTS crawl_secrets_pub");
    await c.query("DO $$ BEGIN IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'crawl_secrets_cdc') THEN REVOKE ALL ON pessoas FROM crawl_secrets_cdc; DROP ROLE crawl_secrets_cdc; END IF; END $$");
  });
  const kafka = new Kafka({ clientId: "e2e-secrets", brokers: cfg.kafka.brokers, logLevel: logLevel.NOTHING }).admin();
  await kafka.connect();
  const topics = (await kafka.listTopics()).filter((t) => t.startsWith(PREFIX));
  if (topics.length) await kafka.deleteTopics({ topics });
  await kafka.disconnect();
  const listed = await s3.send(new ListObjectsV2Command({ Bucket: "raw", Prefix: `${PREFIX}/` }));
  if (listed.Contents?.length) await s3.send(new DeleteObjectsCommand({ Bucket: "raw", Delete: { Objects: listed.Contents.map((o) => ({ Key: o.Key! })) } }));
}

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  await cleanup();
  await admin(async (c) => {
    await c.query(`CREATE ROLE crawl_secrets_cdc WITH LOGIN REPLICATION PASSWORD '${PG_SECRET}'`);
    await c.query("GRANT SELECT ON pessoas TO crawl_secrets_cdc");
    await c.query("CREATE PUBLICATION crawl_secrets_pub FOR TABLE pessoas");
  });
  const source = await connect("PUT", `/connectors/${SOURCE}/config`, {
    ...debeziumConnection("crawl_secrets_cdc", PG_SECRET),
    "topic.prefix": PREFIX,
    "table.include.list": "public.pessoas",
    "slot.name": "crawl_secrets_slot",
    "publication.name": "crawl_secrets_pub",
    "publication.autocreate.mode": "disabled",
    "snapshot.mode": "no_data",
  });
  expect(source.status, JSON.stringify(source.body)).toBeLessThan(300);
  const sink = await connect("PUT", `/connectors/${SINK}/config`, {
    "connector.class": "lab.console.connect.s3.S3SinkConnector",
    topics: `${PREFIX}.public.pessoas`,
    "s3.bucket.name": "raw",
    "topics.dir": PREFIX,
    "store.url": cfg.s3.endpointForConnect,
    "aws.access.key.id": cfg.s3.accessKeyId,
    "aws.secret.access.key": S3_SECRET,
    "flush.size": "1",
  });
  expect(sink.status, JSON.stringify(sink.body)).toBeLessThan(300);
  for (const name of [SOURCE, SINK]) {
    await expect
      .poll(
        async () => {
          const task = (await connect("GET", `/connectors/${name}/status`)).body?.tasks?.[0];
          return task?.state === "FAILED" ? `FAILED: ${String(task.trace).split("\n")[0]}` : task?.state;
        },
        { timeout: 60_000 },
      )
      .toBe("RUNNING");
  }
});

test.afterAll(async () => {
  await cleanup();
});

async function crawl(page: Page, start: string[], maxPages = 60) {
  const bodies = new Map<string, string>();
  page.on("response", async (res) => {
    const type = res.headers()["content-type"] ?? "";
    if (type.includes("text/event-stream") || res.request().method() === "OPTIONS") return;
    try {
      bodies.set(`${res.request().method()} ${res.url()}`, await res.text());
    } catch {
      /* redirects and aborted requests have no body */
    }
  });
  const seen = new Set<string>();
  const queue = [...start];
  while (queue.length && seen.size < maxPages) {
    const url = queue.shift()!;
    if (seen.has(url)) continue;
    seen.add(url);
    // API links and downloads are read as a browser would fetch them, not navigated to.
    if (new URL(url).pathname.startsWith("/api/")) {
      const res = await page.request.get(url);
      if (!(res.headers()["content-type"] ?? "").includes("text/event-stream")) bodies.set(`GET ${url} (link)`, await res.text());
      continue;
    }
    await page.goto(url);
    // Let each page's queries answer (the health strip is on every page).
    await page.getByTestId("health-strip").and(page.locator('[data-status="ready"]')).waitFor();
    const hrefs = await page.$$eval("a[href]:not([download])", (as) => as.map((a) => (a as HTMLAnchorElement).href));
    for (const h of hrefs) {
      const u = new URL(h);
      if (u.origin === new URL(page.url()).origin && !u.pathname.startsWith("/_next") && !/\.(png|svg|ico|jsonl?|csv|parquet)$/.test(u.pathname)) {
        const clean = `${u.origin}${u.pathname}${u.search}`;
        if (!seen.has(clean)) queue.push(clean);
      }
    }
  }
  return { pages: seen, bodies };
}

test("no password of the lab reaches a browser: pages, API responses, or the client bundle", async ({ page, baseURL }) => {
  test.setTimeout(240_000);
  const start = ["/", "/connectors", `/connectors/0/${SOURCE}`, `/connectors/0/${SINK}`, "/connectors/register", "/topics", "/lake", "/database", "/generators", "/audit"].map((p) => `${baseURL}${p}`);
  const { pages, bodies } = await crawl(page, start);
  expect(pages.size).toBeGreaterThanOrEqual(start.length);
  // The API answers a browser can ask for directly, including the connectors' own.
  const api = ["/api/health", "/api/audit", "/api/connectors", "/api/connectors/templates"];
  for (const name of [SOURCE, SINK]) api.push(`/api/connectors/0/connectors/${name}`, `/api/connectors/0/connectors/${name}/offsets`, `/api/connectors/0/connectors/${name}/diagnose`);
  for (const p of api) {
    const res = await page.request.get(`${baseURL}${p}`);
    bodies.set(`GET ${p} (direct)`, await res.text());
  }
  const found: string[] = [];
  for (const [where, body] of bodies) for (const leak of leaks(body)) found.push(`${where}: ${leak}`);
  expect(bodies.size).toBeGreaterThan(20);
  expect(found).toEqual([]);

  // Every file of the client bundle, whether or not this crawl loaded it.
  const staticDir = path.join(process.env.NEXT_DIST_DIR || ".next", "static");
  const files: string[] = [];
  const walk = (d: string) => {
    for (const f of readdirSync(d)) {
      const p = path.join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else files.push(p);
    }
  };
  walk(staticDir);
  expect(files.length).toBeGreaterThan(5);
  const bundleLeaks = files.filter((f) => leaks(readFileSync(f, "utf8")).length > 0);
  expect(bundleLeaks).toEqual([]);
});

test("Kafka Connect's own topics show no secret: message browser, topic page with messages expanded, live tail", async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  // As a viewer when the console has a viewer password (a signed cookie wins even on loopback); otherwise as
  // the local operator, who reads exactly what a viewer reads (GET routes do not depend on the role).
  if (process.env.CONSOLE_VIEWER_PASSWORD) {
    const login = await page.request.post(`${baseURL}/api/auth/login`, { data: { user: "viewer", password: process.env.CONSOLE_VIEWER_PASSWORD } });
    expect(login.status()).toBe(200);
  }
  // Connect's config topic holds SOURCE's and SINK's configs, passwords included, and its session key.
  const found: string[] = [];
  // Every record of each topic, paged from the start (other tests and benchmarks may add hundreds meanwhile).
  for (const topic of ["debezium_configs", "debezium_offsets", "debezium_status"]) {
    let query = "from=earliest&limit=500";
    let all = "";
    let sessionKeys = 0;
    for (let i = 0; i < 100; i++) {
      const res = await page.request.get(`${baseURL}/api/topics/${topic}/messages?${query}`);
      expect(res.status(), topic).toBe(200);
      const body = await res.text();
      all += body;
      const { data } = JSON.parse(body) as { data: { messages: { key: string | null; value: { json?: { key?: string } } }[]; after: string | null } };
      for (const m of data.messages) {
        if (topic === "debezium_configs" && m.key === "session-key") {
          sessionKeys++;
          expect(m.value.json?.key).toBe("********");
        }
      }
      if (!data.after || data.messages.length === 0) break;
      query = `after=${encodeURIComponent(data.after)}&limit=500`;
    }
    if (topic === "debezium_configs") {
      expect(all).toContain(SOURCE);
      expect(all).toContain("********");
      expect(sessionKeys).toBeGreaterThan(0);
    }
    for (const leak of leaks(all)) found.push(`${topic} messages: ${leak}`);
  }
  // The topic page, every message of the first page expanded.
  await page.goto(`${baseURL}/topics/debezium_configs`);
  const rows = page.getByTestId("browser-row");
  await rows.first().waitFor();
  const n = Math.min(await rows.count(), 50);
  for (let i = 0; i < n; i++) await rows.nth(i).getByRole("button").first().click();
  for (const leak of leaks(await page.content())) found.push(`topic page: ${leak}`);
  // The live tail's backfill (what the tail page shows and exports), read as the page's EventSource would.
  // Re-saving SOURCE's config (unchanged) makes Connect write it again, so it is among the latest records.
  const current = await connect("GET", `/connectors/${SOURCE}/config`);
  expect((await connect("PUT", `/connectors/${SOURCE}/config`, current.body)).status).toBeLessThan(300);
  const tail = await page.evaluate(async (url) => {
    const ctl = new AbortController();
    const res = await fetch(url, { signal: ctl.signal });
    const reader = res.body!.getReader();
    const dec = new TextDecoder();
    let text = "";
    const end = Date.now() + 20_000;
    while (Date.now() < end && !text.includes("crawl-secrets-debezium-")) {
      const { value, done } = await reader.read();
      if (done) break;
      text += dec.decode(value, { stream: true });
    }
    ctl.abort();
    return text;
  }, `${baseURL}/api/topics/debezium_configs/tail`);
  expect(tail).toContain(SOURCE);
  for (const leak of leaks(tail)) found.push(`tail: ${leak}`);
  expect(found).toEqual([]);
});

test("the leak detector itself catches a leaked secret", () => {
  expect(leaks(`{"database.password":"sudoers"}`)).not.toEqual([]);
  expect(leaks(`… ${PG_SECRET} …`)).not.toEqual([]);
  expect(leaks(`{"aws.secret.access.key":"${S3_SECRET}"}`)).not.toEqual([]);
  expect(leaks(`{"database.user":"sudoers","database.dbname":"liga_sudoers","database.password":"********"}`)).toEqual([]);
});
