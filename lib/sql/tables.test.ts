import { DuckDBInstance } from "@duckdb/node-api";
import { describe, expect, it } from "vitest";
import { SQL_EXAMPLES } from "./shared/examples";
import { checkTableName, decodeLogical, flattenSelect, formatOf, logicalTypeOf, sourceTableOf, structFields, suggestTableName } from "./tables";
import { errorPosition } from "./engine";

describe("lake prefixes as tables", () => {
  it("suggests raw_pessoas for the sink's topic folder, skipping partition folders", () => {
    expect(suggestTableName("raw", "topics/liga_sudoers.public.pessoas/")).toBe("raw_pessoas");
    expect(suggestTableName("raw", "topics/liga_sudoers.public.pessoas/year=2026/month=12/")).toBe("raw_pessoas");
    expect(suggestTableName("trusted", "pessoas/")).toBe("trusted_pessoas");
    expect(suggestTableName("2026-bucket", "")).toBe("t_2026_bucket");
  });

  it("reads JSON Lines, CSV and Parquet by extension and skips the rest, and S3Proxy's unfinished uploads", () => {
    expect(formatOf("a/b.jsonl")).toBe("jsonl");
    expect(formatOf("a/b.CSV")).toBe("csv");
    expect(formatOf("a/b.parquet")).toBe("parquet");
    expect(formatOf("a/notes.txt")).toBeNull();
    expect(formatOf("a/b.jsonl-0f8fad5b-d9cb-469f-a165-70867728950e")).toBeNull();
  });

  it("refuses table names that are not plain identifiers", () => {
    expect(() => checkTableName('x"; DROP')).toThrow(/not a usable table name/);
    expect(checkTableName("raw_pessoas")).toBe("raw_pessoas");
  });

  it("finds the captured table of a sink prefix", () => {
    expect(sourceTableOf("topics/liga_sudoers.public.pessoas/year=2026/")).toEqual({ schema: "public", table: "pessoas" });
    expect(sourceTableOf("trusted/pessoas/")).toBeNull();
  });

  it("splits DuckDB struct types into field names, nested types included", () => {
    expect(structFields('STRUCT(id BIGINT, "nome" VARCHAR, x STRUCT(a INTEGER, b VARCHAR), dt_nasc BIGINT)')).toEqual(["id", "nome", "x", "dt_nasc"]);
    expect(structFields("VARCHAR")).toEqual([]);
  });

  it("reads the caret of a DuckDB error as a line and column", () => {
    expect(errorPosition('Parser Error: syntax error at or near "FORM"\n\nLINE 1: SELECT 1 FORM t\n                 ^')).toEqual({ line: 1, column: 10 });
    expect(errorPosition("Binder Error: nothing")).toBeNull();
  });
});

describe("Debezium's logical types, decoded by DuckDB", () => {
  it("maps the source table's column types the way the course's connector encodes them", () => {
    expect(logicalTypeOf("date", 0)).toBe("io.debezium.time.Date");
    expect(logicalTypeOf("timestamp without time zone", 6)).toBe("io.debezium.time.MicroTimestamp");
    expect(logicalTypeOf("timestamp without time zone", 3)).toBe("io.debezium.time.Timestamp");
    expect(logicalTypeOf("character varying", null)).toBeNull();
  });

  it("decodes days since epoch, µs and ms since epoch, µs of the day", async () => {
    const db = await DuckDBInstance.create(":memory:");
    const c = await db.connect();
    const r = await c.runAndReadAll(
      `SELECT ${decodeLogical("7441", "io.debezium.time.Date")}::VARCHAR, ${decodeLogical("1764620556123456", "io.debezium.time.MicroTimestamp")}::VARCHAR,
              ${decodeLogical("1764620556123", "io.debezium.time.Timestamp")}::VARCHAR, ${decodeLogical("45296000001", "io.debezium.time.MicroTime")}::VARCHAR`,
    );
    expect(r.getRows()[0]).toEqual(["1990-05-17", "2025-12-01 20:22:36.123456", "2025-12-01 20:22:36.123", "12:34:56.000001"]);
    c.closeSync();
  });

  it("flattens an envelope into op, ts_ms, source_lsn, before_* and after_*", async () => {
    const db = await DuckDBInstance.create(":memory:");
    const c = await db.connect();
    const raw = `SELECT * FROM (VALUES ('u', 1764620556000, {'lsn': 42, 'txId': 7, 'ts_ms': 1764620556000, 'table': 'pessoas'},
       {'id': 1, 'dt_nasc': 7441}, {'id': 1, 'dt_nasc': 7442})) t(op, ts_ms, source, "before", "after")`;
    const described = (await c.runAndReadAll(`DESCRIBE ${raw}`)).getRows().map((r) => ({ name: String(r[0]), type: String(r[1]) }));
    const sql = flattenSelect(raw, described, new Map([["dt_nasc", "io.debezium.time.Date"]]));
    const r = await c.runAndReadAll(`SELECT op, source_lsn, before_id, before_dt_nasc::VARCHAR, after_dt_nasc::VARCHAR FROM (${sql})`);
    expect(r.getRowsJson()).toEqual([["u", "42", 1, "1990-05-17", "1990-05-18"]]);
    c.closeSync();
  });
});

describe("the course's examples", () => {
  it("each has pt-BR and en texts and valid table names", () => {
    for (const e of SQL_EXAMPLES) {
      for (const l of ["pt-BR", "en"] as const) {
        expect(e.title[l], e.id).toBeTruthy();
        expect(e.sql[l], e.id).toBeTruthy();
      }
      for (const t of e.tables) expect(() => checkTableName(t.name)).not.toThrow();
    }
  });
});
