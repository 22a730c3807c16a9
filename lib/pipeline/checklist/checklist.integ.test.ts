// The checklist against the real lab with throwaway targets: each item red with its cause when its evidence is
// missing (an empty database of our own, buckets and a connector that do not exist), and green once the evidence
// is there (orders with the course's fraud shares, a bucket with objects). Everything created here is dropped.
import { readFileSync } from "node:fs";
import path from "node:path";
import { CreateBucketCommand, DeleteBucketCommand, DeleteObjectCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { config } from "../../config";
import { s3 } from "../../s3/client";
import { defaultTargets, evaluateChecklist } from "./evaluate";
import type { ChecklistItemId, ChecklistReport, ChecklistTargets } from "../shared/checklist";

const RUN = Date.now().toString(36);
const EMPTY_DB = `ck_empty_${RUN}`;
const NO_SCHEMA_DB = `ck_noschema_${RUN}`;
const BUCKET = `ck-bucket-${RUN}`;
const MISSING_BUCKET = `ck-missing-${RUN}`;

function admin(database = "postgres"): pg.Client {
  const c = config().postgres;
  return new pg.Client({ host: c.host, port: c.port, user: c.user, password: c.password, database });
}

async function sql(database: string, text: string, params: unknown[] = []) {
  const c = admin(database);
  await c.connect();
  try {
    return await c.query(text, params);
  } finally {
    await c.end();
  }
}

const item = (r: ChecklistReport, id: ChecklistItemId) => r.items.find((i) => i.id === id)!;

function targets(over: Partial<ChecklistTargets>): ChecklistTargets {
  return { ...defaultTargets(), ...over };
}

beforeAll(async () => {
  await sql("postgres", `CREATE DATABASE ${EMPTY_DB}`);
  await sql("postgres", `CREATE DATABASE ${NO_SCHEMA_DB}`);
  await sql(EMPTY_DB, readFileSync(path.join(process.cwd(), "lab/sql/oltp-schema.sql"), "utf8"));
  await s3().send(new CreateBucketCommand({ Bucket: BUCKET }));
});

afterAll(async () => {
  for (const db of [EMPTY_DB, NO_SCHEMA_DB]) await sql("postgres", `DROP DATABASE IF EXISTS ${db} WITH (FORCE)`).catch(() => undefined);
  await s3().send(new DeleteObjectCommand({ Bucket: BUCKET, Key: "bronze/pessoas/part-0.parquet" })).catch(() => undefined);
  await s3().send(new DeleteBucketCommand({ Bucket: BUCKET })).catch(() => undefined);
});

describe("red with its cause when the evidence is missing", () => {
  it("an empty database, a missing bucket, a connector that does not exist", async () => {
    const r = await evaluateChecklist(targets({ database: EMPTY_DB, warehouseDatabase: EMPTY_DB, buckets: [BUCKET, MISSING_BUCKET], layerBuckets: [MISSING_BUCKET], connector: { name: `ck-no-such-connector-${RUN}` } }));
    expect(r.items.map((i) => i.id)).toEqual(["stack", "buckets", "historical", "connector", "topic", "sink", "streaming", "downstream", "fraud"]);
    expect(item(r, "stack")).toMatchObject({ status: "ok" });
    expect(item(r, "buckets")).toMatchObject({ status: "missing", cause: { code: "buckets_missing", params: { buckets: MISSING_BUCKET } }, link: "/lake" });
    expect(item(r, "historical")).toMatchObject({ status: "missing", cause: { code: "no_historical_orders", params: { database: EMPTY_DB } }, evidence: { historicalOrders: 0 } });
    expect(item(r, "connector")).toMatchObject({ status: "missing", cause: { code: "connector_not_found", params: { connector: `ck-no-such-connector-${RUN}`, database: EMPTY_DB } } });
    expect(item(r, "topic")).toMatchObject({ status: "unknown", cause: { code: "needs_connector" } });
    expect(item(r, "sink")).toMatchObject({ status: "unknown", cause: { code: "needs_connector" } });
    // The console's own generator runs are for its configured database, not this one.
    expect(item(r, "streaming")).toMatchObject({ status: "missing", cause: { code: "no_streaming" }, evidence: { streamingOrders: 0, consoleRun: null } });
    expect(item(r, "downstream")).toMatchObject({ status: "missing", cause: { code: "no_downstream_data" } });
    expect(item(r, "fraud")).toMatchObject({ status: "missing", cause: { code: "fraud_too_few_orders", params: { min: 200, historical: 0, streaming: 0 } } });
    // Endpoints only: never a password.
    expect(JSON.stringify(r)).not.toContain(config().postgres.password === "sudoers" ? "\"sudoers\"" : config().postgres.password);
    expect(JSON.stringify(r)).not.toContain(config().s3.secretAccessKey);
  });

  it("a database without the course's tables says which table is missing", async () => {
    const r = await evaluateChecklist(targets({ database: NO_SCHEMA_DB, warehouseDatabase: NO_SCHEMA_DB, layerBuckets: [MISSING_BUCKET] }));
    expect(item(r, "historical")).toMatchObject({ status: "missing", cause: { code: "tables_missing", params: { database: NO_SCHEMA_DB, table: "pedidos" } } });
    expect(item(r, "fraud")).toMatchObject({ status: "missing", cause: { code: "tables_missing" } });
    // No Debezium connector reads this database.
    expect(item(r, "connector")).toMatchObject({ status: "missing", cause: { code: "no_connector", params: { database: NO_SCHEMA_DB } }, link: "/connectors/register" });
  });
});

describe("green when the evidence is there", () => {
  beforeAll(async () => {
    // 60 people, 600 historical orders (1 % by geohash: 6 outside SP/MG/RJ) and 250 streaming orders (5 %: 7 by
    // geohash, 6 from a device other than the one the person uses most).
    await sql(
      EMPTY_DB,
      `INSERT INTO pessoas (id, nome, sexo, dt_nasc) SELECT 10000000000 + g, 'Pessoa ' || g, 'M', '1990-01-01' FROM generate_series(1, 60) g;
       INSERT INTO pedidos (id, id_pessoa, dt_venda, valor_total, created_at)
         SELECT g, 10000000000 + (g % 60) + 1, now() - (1 + g % 170) * interval '1 day' - g * interval '1 second', 10, now() FROM generate_series(1, 600) g;
       INSERT INTO auditoria_pedidos (id_pedido, dispositivo, geohash, telefone)
         SELECT g, 'Samsung', CASE WHEN g % 100 = 0 THEN '6v2n' ELSE '6gyf' END, '0' FROM generate_series(1, 600) g;
       INSERT INTO pedidos (id, id_pessoa, dt_venda, valor_total, created_at)
         SELECT 1000 + g, 10000000000 + (g % 60) + 1, now(), 10, now() FROM generate_series(1, 250) g;
       INSERT INTO auditoria_pedidos (id_pedido, dispositivo, geohash, telefone)
         SELECT 1000 + g, CASE WHEN g <= 6 THEN 'Nokia' ELSE 'Samsung' END, CASE WHEN g > 6 AND g <= 13 THEN '7h6v' ELSE '6gyc1' END, '0' FROM generate_series(1, 250) g;`,
    );
    await s3().send(new PutObjectCommand({ Bucket: BUCKET, Key: "bronze/pessoas/part-0.parquet", Body: "x" }));
  });

  it("historical orders, streaming orders, fraud near 1 % and 5 %, a downstream layer with an object", async () => {
    const r = await evaluateChecklist(targets({ database: EMPTY_DB, warehouseDatabase: EMPTY_DB, buckets: [BUCKET], layerBuckets: [BUCKET, MISSING_BUCKET] }));
    expect(item(r, "buckets")).toMatchObject({ status: "ok", evidence: { buckets: [{ name: BUCKET, exists: true }] } });
    expect(item(r, "historical")).toMatchObject({ status: "ok", evidence: { historicalOrders: 600 } });
    expect(Date.parse(item(r, "historical").evidence.firstSale as string)).toBeLessThan(Date.now() - 100 * 86_400_000);
    expect(item(r, "streaming")).toMatchObject({ status: "ok", evidence: { streamingOrders: 250 } });
    const fraud = item(r, "fraud");
    expect(fraud).toMatchObject({ status: "ok", cause: null });
    expect(fraud.evidence.kinds).toEqual([
      expect.objectContaining({ kind: "historical", orders: 600, flagged: 6, geohash: 6, device: 0, share: 0.01, verdict: "near" }),
      expect.objectContaining({ kind: "streaming", orders: 250, flagged: 13, geohash: 7, device: 6, share: 0.052, verdict: "near" }),
    ]);
    expect(item(r, "downstream")).toMatchObject({ status: "ok", evidence: { layers: [{ bucket: BUCKET, objects: 1, newestKey: "bronze/pessoas/part-0.parquet" }, { bucket: MISSING_BUCKET, exists: false }] } });
  });

  it("a fraud share far from the course's is red with the measured share", async () => {
    await sql(EMPTY_DB, "UPDATE auditoria_pedidos SET geohash = '6m3p' WHERE id_pedido > 1000 AND id_pedido <= 1080");
    const r = await evaluateChecklist(targets({ database: EMPTY_DB, warehouseDatabase: EMPTY_DB, layerBuckets: [BUCKET] }));
    expect(item(r, "fraud")).toMatchObject({ status: "missing", cause: { code: "fraud_share_off", params: { kind: "streaming", share: "32.00", expected: "5.00", low: "2.50", high: "10.00" } } });
  });
});
