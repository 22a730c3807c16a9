// The historical generator's bulk path (foreign keys checked once per batch) against the lab's real PostgreSQL,
// in a database of this test's own (the lab's schema and seed), so adding a trigger here touches nobody else.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectionOptions } from "../../pg/client";
import { runGenerator } from "./engine";
import { emptyBatch } from "../rows/orders";
import { startParams } from "../shared/params";
import { Progress } from "./progress";
import { bulkInsertAllowed, insertOrdersBulk, isForeignKeyViolation, pedidosSequence } from "./sql";

const dbName = `generators_bulk_${randomBytes(3).toString("hex")}`;
const admin = new pg.Client(connectionOptions("oltp"));
let pool: pg.Pool;

beforeAll(async () => {
  await admin.connect();
  await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(dbName)}`);
  pool = new pg.Pool({ ...connectionOptions("oltp"), database: dbName, max: 4 });
  // The throwaway database is dropped WITH (FORCE) at the end: its connections being terminated then is expected.
  pool.on("error", () => undefined);
  const sql = (f: string) => readFileSync(path.join(import.meta.dirname, "../../../lab/sql", f), "utf8");
  await pool.query(sql("oltp-schema.sql"));
  await pool.query(sql("oltp-seed.sql"));
});

afterAll(async () => {
  await pool?.end();
  await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(dbName)} WITH (FORCE)`);
  await admin.end();
});

const count = async (sql: string) => Number((await pool.query<{ n: string }>(sql)).rows[0]!.n);

describe("historical generator, foreign keys checked once per batch", () => {
  it("writes whole orders whose every reference exists, like the per-row triggers", async () => {
    expect(await bulkInsertAllowed(pool)).toBe(true);
    await runGenerator(startParams.parse({ generator: "historical", orders: 20_000, batchSize: 5_000 }), { pool, signal: new AbortController().signal, progress: new Progress(), seed: 7 });
    expect(await count("SELECT count(*) AS n FROM pedidos")).toBe(20_000);
    expect(await count("SELECT count(*) AS n FROM auditoria_pedidos")).toBe(20_000);
    expect(await count("SELECT count(*) AS n FROM pedidos p WHERE NOT EXISTS (SELECT 1 FROM itens_pedidos i WHERE i.id_pedido = p.id)")).toBe(0);
    expect(await count("SELECT count(*) AS n FROM pedidos p LEFT JOIN pessoas s ON s.id = p.id_pessoa WHERE s.id IS NULL")).toBe(0);
    expect(await count("SELECT count(*) AS n FROM itens_pedidos i LEFT JOIN produtos r ON r.id = i.id_produto WHERE r.id IS NULL")).toBe(0);
  });

  it("refuses a batch for a person who no longer exists with foreign_key_violation, and writes none of it", async () => {
    const before = await count("SELECT count(*) AS n FROM pedidos");
    const person = Number((await pool.query<{ id: string }>("SELECT id FROM pessoas ORDER BY id LIMIT 1")).rows[0]!.id);
    const product = (await pool.query<{ id: number }>("SELECT id FROM produtos ORDER BY id LIMIT 1")).rows[0]!.id;
    const batch = emptyBatch();
    for (const pessoa of [person, 99_999_999_999]) {
      batch.pessoa.push(pessoa);
      batch.daysBack.push(1);
      batch.cents.push(1000);
      batch.dispositivo.push("android");
      batch.geohash.push("6gyf");
      batch.itemOrder.push(batch.pessoa.length);
      batch.itemProduto.push(product);
      batch.itemCents.push(1000);
    }
    const client = await pool.connect();
    try {
      const error = await insertOrdersBulk(client, batch, await pedidosSequence(pool)).catch((e: unknown) => e);
      expect(isForeignKeyViolation(error)).toBe(true);
      expect(String(error)).toMatch(/no longer exist in pessoas/);
    } finally {
      client.release();
    }
    expect(await count("SELECT count(*) AS n FROM pedidos")).toBe(before);
  });

  it("keeps the per-row path when a table has an insert trigger of its own (it must keep firing)", async () => {
    await pool.query(`CREATE TABLE pedidos_log (id_pedido int)`);
    await pool.query(`CREATE FUNCTION log_pedido() RETURNS trigger AS $$ BEGIN INSERT INTO pedidos_log VALUES (NEW.id); RETURN NEW; END $$ LANGUAGE plpgsql`);
    await pool.query(`CREATE TRIGGER pedidos_log AFTER INSERT ON pedidos FOR EACH ROW EXECUTE FUNCTION log_pedido()`);
    expect(await bulkInsertAllowed(pool)).toBe(false);
    await runGenerator(startParams.parse({ generator: "historical", orders: 1_000 }), { pool, signal: new AbortController().signal, progress: new Progress(), seed: 8 });
    expect(await count("SELECT count(*) AS n FROM pedidos_log")).toBe(1_000);
  });
});
