// The SQL engine against the lab's real S3 server and PostgreSQL: reading a prefix, saving Parquet, and abuse —
// each refused with a clear error, the engine still answering afterwards, nothing written.
import { CreateBucketCommand, DeleteBucketCommand, DeleteObjectsCommand, ListObjectsV2Command, PutObjectCommand } from "@aws-sdk/client-s3";
import { existsSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { s3 } from "../s3/client";
import { previewParquet } from "../s3/preview/parquet";
import { SqlEngine } from "./engine";
import { engineOptions } from "./index";

const RUN = Date.now().toString(36);
const BUCKET = `sql-it-${RUN}`;
const CACHE = path.join(os.tmpdir(), `sql-it-cache-${RUN}`);
let engine: SqlEngine;

async function keys(): Promise<string[]> {
  const res = await s3().send(new ListObjectsV2Command({ Bucket: BUCKET }));
  return (res.Contents ?? []).map((o) => o.Key!);
}

beforeAll(async () => {
  await s3().send(new CreateBucketCommand({ Bucket: BUCKET }));
  const lines = (from: number) =>
    Array.from({ length: 50 }, (_, i) => JSON.stringify({ id: from + i, op: i % 5 === 0 ? "d" : "c", nome: `P${from + i}`, valor: (from + i) / 4 })).join("\n") + "\n";
  await s3().send(new PutObjectCommand({ Bucket: BUCKET, Key: "data/a/part-0.jsonl", Body: lines(0) }));
  await s3().send(new PutObjectCommand({ Bucket: BUCKET, Key: "data/a/part-1.jsonl", Body: lines(50) }));
  await s3().send(new PutObjectCommand({ Bucket: BUCKET, Key: "data/a/notes.txt", Body: "not a table" }));
  await s3().send(new PutObjectCommand({ Bucket: BUCKET, Key: "data/csv/part-0.csv", Body: "id,cidade\n1,Recife\n2,Natal\n" }));
  engine = await SqlEngine.create(engineOptions({ cacheDir: CACHE, memoryLimitMb: 256, queryTimeoutMs: 3000, maxRows: 1000, maxFetchBytes: 1_000_000 }));
});

afterAll(async () => {
  engine?.close();
  for (const d of [CACHE, `${CACHE}-small`]) rmSync(d, { recursive: true, force: true });
  const k = await keys().catch(() => []);
  if (k.length) await s3().send(new DeleteObjectsCommand({ Bucket: BUCKET, Delete: { Objects: k.map((Key) => ({ Key })) } }));
  await s3().send(new DeleteBucketCommand({ Bucket: BUCKET })).catch(() => undefined);
});

const lake = [{ kind: "lake" as const, name: "pessoas", bucket: BUCKET, prefix: "data/a/" }];

describe("SQL over a lake prefix", () => {
  it("reads every JSON Lines object of the prefix as one table, fetching each once", async () => {
    const first = await engine.query({ sql: "SELECT op, count(*) AS n, sum(valor) AS total FROM pessoas GROUP BY op ORDER BY op", tables: lake });
    expect(first.columns.map((c) => c.name)).toEqual(["op", "n", "total"]);
    expect(first.rows).toEqual([
      ["c", "80", 1000],
      ["d", "20", 237.5],
    ]);
    expect(first.bytesFetched).toBeGreaterThan(0);
    const again = await engine.query({ sql: "SELECT count(*) FROM pessoas", tables: lake });
    expect(again.rows).toEqual([["100"]]);
    expect(again.bytesFetched).toBe(0);
    expect(again.bytesScanned).toBe(first.bytesScanned);
  });

  it("reads CSV objects too, typed by DuckDB's sniffer", async () => {
    const r = await engine.query({ sql: "SELECT id, cidade FROM c ORDER BY id", tables: [{ kind: "lake", name: "c", bucket: BUCKET, prefix: "data/csv/" }] });
    expect(r.columns).toEqual([
      { name: "id", type: "BIGINT" },
      { name: "cidade", type: "VARCHAR" },
    ]);
    expect(r.rows).toEqual([
      ["1", "Recife"],
      ["2", "Natal"],
    ]);
  });

  it("describes a prefix: suggested name, objects, inferred columns", async () => {
    const info = await engine.describePrefix(BUCKET, "data/a/");
    expect(info).toMatchObject({ suggestedName: `sql_it_${RUN}_a`, objects: 2, formats: ["jsonl"], debezium: false });
    expect(info.columns.map((c) => c.name)).toEqual(["id", "op", "nome", "valor"]);
  });

  it("saves a result as Parquet that the lake preview reads back identically", async () => {
    const sql = "SELECT id, nome, valor FROM pessoas WHERE op = 'c' ORDER BY id";
    const saved = await engine.saveParquet({ sql, tables: lake, bucket: BUCKET, key: "trusted/pessoas/part-0.parquet" });
    expect(saved.rows).toBe(80);
    const preview = await previewParquet(BUCKET, "trusted/pessoas/part-0.parquet", saved.bytes, { rows: 100 });
    const direct = await engine.query({ sql, tables: lake });
    expect(preview.rows.map((r) => [String(r.id), r.nome, r.valor])).toEqual(direct.rows.map((r) => [String(r[0]), r[1], r[2]]));
    const back = await engine.query({ sql: "SELECT id, nome, valor FROM t ORDER BY id", tables: [{ kind: "lake", name: "t", bucket: BUCKET, prefix: "trusted/pessoas/" }] });
    expect(back.rows).toEqual(direct.rows);
  });

  it("refuses a prefix whose objects exceed the per-query fetch limit, before fetching", async () => {
    const small = await SqlEngine.create(engineOptions({ cacheDir: `${CACHE}-small`, maxFetchBytes: 100 }));
    try {
      await expect(small.query({ sql: "SELECT 1 FROM pessoas", tables: lake })).rejects.toMatchObject({ code: "sql_fetch_limit" });
      expect(readdirSync(path.join(`${CACHE}-small`, "objects"))).toEqual([]);
    } finally {
      small.close();
    }
  });

  it("runs read-only SELECTs on PostgreSQL and refuses writes", async () => {
    const r = await engine.query({ database: "oltp", sql: "SELECT count(*) AS n FROM categorias" });
    expect(r.columns).toEqual([{ name: "n", type: "bigint" }]);
    await expect(engine.query({ database: "oltp", sql: "DELETE FROM categorias" })).rejects.toMatchObject({ code: "sql_read_only" });
    await expect(engine.query({ database: "oltp", sql: "SELECT 1; DROP TABLE categorias" })).rejects.toMatchObject({ code: "sql_single_statement" });
    await expect(engine.query({ database: "oltp", sql: "SELECT pg_read_file('/etc/passwd')" })).rejects.toMatchObject({ code: "sql_error" });
    await expect(engine.query({ database: "oltp", sql: "SELECT pg_sleep(10)" })).rejects.toMatchObject({ code: "sql_timeout" });
    expect((await engine.query({ database: "oltp", sql: "SELECT count(*) FROM categorias" })).rows).toEqual(r.rows);
  });
});

describe("abuse: each refused with a clear error, the engine unharmed, nothing written", () => {
  const cases: Array<[string, string, string]> = [
    ["COPY to a server file", "COPY (SELECT 1) TO '/etc/sql-it-owned.csv'", "sql_forbidden"],
    ["COPY into the cache folder", `COPY (SELECT 1) TO '${CACHE}/objects/x.csv'`, "sql_read_only"],
    ["reading a server file", "SELECT * FROM read_text('/etc/passwd')", "sql_forbidden"],
    ["escaping the cache folder", `SELECT * FROM read_text('${CACHE}/../../etc/passwd')`, "sql_forbidden"],
    ["the network", "SELECT * FROM read_csv('http://127.0.0.1:9000/')", "sql_forbidden"],
    ["installing an extension", "INSTALL httpfs", "sql_read_only"],
    ["loading an extension", "LOAD httpfs", "sql_read_only"],
    ["attaching a database", "ATTACH '/tmp/sql-it.duckdb' AS x", "sql_read_only"],
    ["changing a limit", "SET memory_limit = '64GB'", "sql_read_only"],
    ["two statements", "SELECT 1; SELECT 2", "sql_single_statement"],
    ["a cartesian product over the memory limit", "SELECT a.range, b.range FROM range(30000000) a JOIN range(30000000) b ON a.range = b.range ORDER BY 1", "sql_memory_limit"],
    ["an endless query", "SELECT count(*) FROM range(1000000000000) a, range(1000) b", "sql_timeout"],
    ["a 10-million-row result", "SELECT * FROM range(10000000)", "sql_too_many_rows"],
  ];
  it.each(cases)("%s", async (_what, sql, code) => {
    const err = await engine.query({ sql, tables: lake }).then(
      () => null,
      (e) => e,
    );
    expect(err).toMatchObject({ code });
    expect(err.message.length).toBeGreaterThan(20);
    expect((await engine.query({ sql: "SELECT count(*) FROM pessoas", tables: lake })).rows).toEqual([["100"]]);
    expect(existsSync("/etc/sql-it-owned.csv")).toBe(false);
    expect(existsSync("/tmp/sql-it.duckdb")).toBe(false);
    expect(existsSync(path.join(CACHE, "objects", "x.csv"))).toBe(false);
  }, 30_000);

  it("a cancelled query stops in the engine", async () => {
    const ac = new AbortController();
    setTimeout(() => ac.abort(), 300);
    await expect(engine.query({ sql: "SELECT count(*) FROM range(1000000000000) a, range(1000) b", signal: ac.signal })).rejects.toMatchObject({ code: "sql_cancelled" });
  });

  it("keeps the event loop free while DuckDB works", async () => {
    let ticks = 0;
    const iv = setInterval(() => ticks++, 10);
    await engine.query({ sql: "SELECT count(*) FROM range(1000000000000) a, range(1000) b" }).catch(() => undefined);
    clearInterval(iv);
    expect(ticks).toBeGreaterThan(10); // a busy engine for the whole time limit: the timers kept firing
  });
});
