// The course's proof, end to end on the lab: the CDC generator changes `pessoas`, Debezium captures it, the lab's
// S3 sink writes the change log to the bucket `sql-raw`, and the SQL engine rebuilds the table from the log and
// reconciles it with the source — 0 differences; with the sink paused, exactly the rows changed since. Then the
// historical generator's orders, where the fraud example finds the generator's own fraud count.
// Everything runs in a schema of this run's own (sql_it_<run>, copies of the lab's tables) so other engineers'
// generators on public.* cannot move the numbers; connectors, slot, publication and topics are named after it.
import { CreateBucketCommand, DeleteObjectsCommand, ListObjectsV2Command } from "@aws-sdk/client-s3";
import { rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { kafka } from "../kafka/client";
import { runGenerator } from "../generators/run/engine";
import { startParams } from "../generators/shared/params";
import { Progress } from "../generators/run/progress";
import { connectionOptions } from "../pg/client";
import { s3 } from "../s3/client";
import { config } from "../config";
import { templates } from "../connect/templates/templates";
import type { TemplateId } from "../connect/shared/types";
import { SqlEngine } from "./engine";
import { exampleById } from "./shared/examples";
import { engineOptions } from "./index";
import type { TableBinding } from "./shared/types";

const RUN = Date.now().toString(36);
const SCHEMA = `sql_it_${RUN}`;
const PREFIX = `sqlit${RUN}`;
const TOPIC = `${PREFIX}.${SCHEMA}.pessoas`;
const DBZ = `sql-dbz-${RUN}`;
const SINK = `sql-s3-${RUN}`;
const SLOT = `sql_it_slot_${RUN}`;
const PUB = `sql_it_pub_${RUN}`;
const BUCKET = "sql-raw";
const LAKE_PREFIX = `topics/${TOPIC}/`;
const CONNECT = config().connect.urls[0];
/** A lesson template's config (lib/connect/templates), which the test then points at this run's own names. */
const template = (id: TemplateId) => templates().find((t) => t.id === id)!.config;
const CACHE = path.join(os.tmpdir(), `sql-it-cdc-${RUN}`);

let admin: pg.Pool;
let gen: pg.Pool;
let engine: SqlEngine;

const lake: TableBinding = { kind: "lake", name: "raw_pessoas", bucket: BUCKET, prefix: LAKE_PREFIX, debezium: true };
const source: TableBinding = { kind: "pg", name: "pg_pessoas", database: "oltp", schema: SCHEMA, table: "pessoas" };

async function connectPut(pathname: string, method: string, body?: unknown): Promise<Response> {
  return fetch(`${CONNECT}${pathname}`, { method, headers: { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
}

async function state(name: string): Promise<string> {
  const res = await fetch(`${CONNECT}/connectors/${name}/status`);
  if (!res.ok) return `HTTP ${res.status}`;
  const b = (await res.json()) as { connector: { state: string }; tasks: Array<{ state: string; trace?: string }> };
  return `${b.connector.state}/${b.tasks.map((t) => (t.state === "FAILED" ? `FAILED ${t.trace?.split("\n")[0]}` : t.state)).join(",") || "none"}`;
}

/** Hooks cannot use expect.poll: polls until `ok`, throws with the last value. */
async function waitFor<T>(what: string, read: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 90_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await read().catch((e) => e as T);
    if (ok(v)) return v;
    if (Date.now() > until) throw new Error(`Timed out waiting for ${what}; last: ${String(v)}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

async function reconcile(): Promise<Record<string, number>> {
  const r = await engine.query({ sql: exampleById("pessoas-reconcile")!.sql.en, tables: [lake, source] });
  return Object.fromEntries(r.columns.map((c, i) => [c.name, Number(r.rows[0]![i])]));
}

async function differences(): Promise<Map<number, string>> {
  const r = await engine.query({ sql: exampleById("pessoas-reconcile-rows")!.sql.en, tables: [lake, source] });
  return new Map(r.rows.map((row) => [Number(row[1]), String(row[0])]));
}

async function sourceIds(): Promise<Set<number>> {
  return new Set((await admin.query<{ id: string }>(`SELECT id FROM ${SCHEMA}.pessoas`)).rows.map((r) => Number(r.id)));
}

async function lakeKeys(): Promise<string[]> {
  const out: string[] = [];
  let token: string | undefined;
  do {
    const page = await s3().send(new ListObjectsV2Command({ Bucket: BUCKET, Prefix: LAKE_PREFIX, ContinuationToken: token }));
    out.push(...(page.Contents ?? []).map((o) => o.Key!));
    token = page.NextContinuationToken;
  } while (token);
  return out;
}

beforeAll(async () => {
  admin = new pg.Pool({ ...connectionOptions("oltp"), max: 2 });
  gen = new pg.Pool({ ...connectionOptions("oltp"), max: 3, options: `-c search_path=${SCHEMA}` });
  const s = pg.escapeIdentifier(SCHEMA);
  await admin.query(`CREATE SCHEMA ${s}`);
  await admin.query(`
    CREATE TABLE ${s}.categorias (LIKE public.categorias INCLUDING ALL);
    INSERT INTO ${s}.categorias SELECT * FROM public.categorias;
    CREATE TABLE ${s}.produtos (LIKE public.produtos INCLUDING ALL);
    INSERT INTO ${s}.produtos SELECT * FROM public.produtos;
    CREATE TABLE ${s}.pessoas (LIKE public.pessoas INCLUDING ALL);
    CREATE TRIGGER pessoas_updated_at BEFORE UPDATE ON ${s}.pessoas FOR EACH ROW EXECUTE FUNCTION public.set_updated_at();
    INSERT INTO ${s}.pessoas (id, nome, sexo, dt_nasc)
      SELECT 80000000000 + g, 'Pessoa ' || g, CASE WHEN g % 2 = 0 THEN 'F' ELSE 'M' END, date '1970-01-01' + g * 40 FROM generate_series(1, 300) g;
    CREATE TABLE ${s}.pedidos (LIKE public.pedidos INCLUDING ALL);
    ALTER TABLE ${s}.pedidos ALTER COLUMN id DROP DEFAULT;
    CREATE SEQUENCE ${s}.pedidos_id_seq OWNED BY ${s}.pedidos.id;
    ALTER TABLE ${s}.pedidos ALTER COLUMN id SET DEFAULT nextval('${SCHEMA}.pedidos_id_seq');
    ALTER TABLE ${s}.pedidos ADD FOREIGN KEY (id_pessoa) REFERENCES ${s}.pessoas (id);
    CREATE TABLE ${s}.itens_pedidos (LIKE public.itens_pedidos INCLUDING ALL);
    CREATE TABLE ${s}.auditoria_pedidos (LIKE public.auditoria_pedidos INCLUDING ALL);
  `);
  await s3().send(new CreateBucketCommand({ Bucket: BUCKET })).catch((e) => {
    if (!/BucketAlready/.test((e as Error).name)) throw e;
  });
  const json = { "key.converter": "org.apache.kafka.connect.json.JsonConverter", "key.converter.schemas.enable": "false", "value.converter": "org.apache.kafka.connect.json.JsonConverter", "value.converter.schemas.enable": "false" };
  const dbz = await connectPut("/connectors", "POST", {
    name: DBZ,
    config: {
      // The lesson's Debezium template, pointed at this run's schema, slot and publication.
      ...template("debezium-postgres"),
      "table.include.list": `${SCHEMA}.pessoas`,
      "topic.prefix": PREFIX,
      "slot.name": SLOT,
      "publication.name": PUB,
      ...json,
    },
  });
  expect(dbz.status, await dbz.text()).toBe(201);
  const sink = await connectPut("/connectors", "POST", {
    name: SINK,
    config: {
      // The lesson's S3 sink template, on this run's topic and bucket, rotating every second.
      ...template("s3-sink"),
      topics: TOPIC,
      "s3.bucket.name": BUCKET,
      "rotate.interval.ms": "1000",
      ...json,
    },
  });
  expect(sink.status, await sink.text()).toBe(201);
  await waitFor("Debezium to run", () => state(DBZ), (s) => s === "RUNNING/RUNNING");
  await waitFor("the sink to run", () => state(SINK), (s) => s === "RUNNING/RUNNING");
  await waitFor("the slot to be active", async () => (await admin.query("SELECT active FROM pg_replication_slots WHERE slot_name = $1", [SLOT])).rows[0]?.active === true, (a) => a === true);
  engine = await SqlEngine.create(engineOptions({ cacheDir: CACHE, queryTimeoutMs: 60_000 }));
}, 180_000);

afterAll(async () => {
  engine?.close();
  rmSync(CACHE, { recursive: true, force: true });
  for (const name of [DBZ, SINK]) await connectPut(`/connectors/${name}`, "DELETE").catch(() => undefined);
  await waitFor("the slot to be released", async () => (await admin.query("SELECT active FROM pg_replication_slots WHERE slot_name = $1", [SLOT])).rows[0]?.active !== true, (v) => v === true, 30_000).catch(() => undefined);
  await admin.query("SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = $1", [SLOT]).catch(() => undefined);
  await admin.query(`DROP PUBLICATION IF EXISTS ${pg.escapeIdentifier(PUB)}`).catch(() => undefined);
  await admin.query(`DROP SCHEMA IF EXISTS ${pg.escapeIdentifier(SCHEMA)} CASCADE`).catch(() => undefined);
  await gen?.end();
  await admin?.end();
  const keys = await lakeKeys().catch(() => []);
  for (let i = 0; i < keys.length; i += 1000) {
    await s3().send(new DeleteObjectsCommand({ Bucket: BUCKET, Delete: { Objects: keys.slice(i, i + 1000).map((Key) => ({ Key })) } })).catch(() => undefined);
  }
  const k = kafka().admin();
  await k.connect();
  try {
    const mine = (await k.listTopics()).filter((t) => t.startsWith(PREFIX));
    if (mine.length) await k.deleteTopics({ topics: mine });
  } finally {
    await k.disconnect();
  }
}, 120_000);

const cdc = (operations: number, seed: number, touched: Set<number>) =>
  runGenerator(startParams.parse({ generator: "cdc", rate: null, operations, seed }), {
    pool: gen,
    signal: new AbortController().signal,
    progress: new Progress(),
    seed,
    observe: { pessoasInserted: (ids) => ids.forEach((id) => touched.add(id)), pessoasUpdated: (ids) => ids.forEach((id) => touched.add(id)), pessoasDeleted: (ids) => ids.forEach((id) => touched.add(id)) },
  });

describe("the change log in the lake, reconciled with its source table", () => {
  it("rebuilds pessoas from the log with 0 differences after the CDC generator ran", async () => {
    const touched = new Set<number>();
    await cdc(60, 15, touched);
    expect(touched.size).toBeGreaterThan(10);
    await expect.poll(async () => (await reconcile().catch((e: Error) => ({ differences: e.message }))).differences, { timeout: 120_000, interval: 2000 }).toBe(0);
    const r = await reconcile();
    expect(r.lake_rows).toBe((await sourceIds()).size);
    expect(r).toMatchObject({ missing_in_lake: 0, missing_in_source: 0, different: 0 });
    // the flattened log really holds the three kinds of change (and the snapshot)
    const ops = await engine.query({ sql: "SELECT op, count(*) FROM raw_pessoas GROUP BY op ORDER BY op", tables: [lake] });
    expect(ops.rows.map((x) => x[0])).toEqual(expect.arrayContaining(["c", "d", "r", "u"]));
    // logical types decoded: dt_nasc is a DATE equal to the source's
    const typed = await engine.query({ sql: "SELECT after_dt_nasc, after_created_at FROM raw_pessoas WHERE op = 'r' LIMIT 1", tables: [lake] });
    expect(typed.columns.map((c) => c.type)).toEqual(["DATE", "TIMESTAMP"]);
  }, 240_000);

  it("with the sink paused, shows exactly the rows changed after the pause", async () => {
    const before = await sourceIds();
    expect((await connectPut(`/connectors/${SINK}/pause`, "PUT")).status).toBe(202);
    await waitFor("the sink to pause", () => state(SINK), (s) => s === "PAUSED/PAUSED");
    const touched = new Set<number>();
    await cdc(25, 99, touched);
    const after = await sourceIds();
    const expected = new Map<number, string>();
    for (const id of touched) {
      if (!before.has(id) && after.has(id)) expected.set(id, "missing_in_lake");
      else if (before.has(id) && !after.has(id)) expected.set(id, "missing_in_source");
      else if (before.has(id) && after.has(id)) expected.set(id, "different");
    }
    expect(expected.size).toBeGreaterThan(5);
    expect(await differences()).toEqual(expected);

    expect((await connectPut(`/connectors/${SINK}/resume`, "PUT")).status).toBe(202);
    await expect.poll(async () => (await reconcile().catch((e: Error) => ({ differences: e.message }))).differences, { timeout: 120_000, interval: 2000 }).toBe(0);
  }, 240_000);
});

describe("the fraud example on the historical generator's orders", () => {
  it("counts exactly the frauds the generator wrote", async () => {
    const s = pg.escapeIdentifier(SCHEMA);
    // every person's first purchase is a legitimate one long ago (the device rule compares with it)
    await admin.query(`
      WITH p AS (SELECT id, sexo FROM ${s}.pessoas), o AS (
        INSERT INTO ${s}.pedidos (id_pessoa, dt_venda, valor_total) SELECT id, now() - interval '400 days', 10 FROM p RETURNING id, id_pessoa)
      INSERT INTO ${s}.auditoria_pedidos (id_pedido, dispositivo, geohash, telefone)
      SELECT o.id, CASE WHEN p.sexo = 'F' THEN 'Iphone' ELSE 'Samsung' END, '6gyf', right(o.id_pessoa::text, 9) FROM o JOIN p ON p.id = o.id_pessoa`);
    const progress = new Progress();
    await runGenerator(startParams.parse({ generator: "historical", orders: 3000, batchSize: 500, connections: 1, seed: 7 }), { pool: gen, signal: new AbortController().signal, progress, seed: 7 });
    expect(progress.counts.pedidos).toBe(3000);
    expect(progress.counts.fraud).toBeGreaterThan(10);
    const r = await engine.query({ database: "oltp", searchPath: SCHEMA, sql: exampleById("fraud-share")!.sql.en });
    const row = Object.fromEntries(r.columns.map((c, i) => [c.name, Number(r.rows[0]![i])]));
    const people = (await sourceIds()).size;
    expect(row.orders).toBe(3000 + people);
    expect(row.frauds).toBe(progress.counts.fraud);
  }, 180_000);
});
