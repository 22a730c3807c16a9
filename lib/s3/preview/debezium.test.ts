import { describe, expect, it } from "vitest";
import { decodeDebezium, tablesWithoutSchema } from "./debezium";
import { inferTable } from "../../debezium/shared/infer";
import createNoSchemas from "../../debezium/shared/fixtures/pessoas-create.noschemas.json";
import createSchemas from "../../debezium/shared/fixtures/pessoas-create.schemas.json";

const source = { connector: "postgresql", db: "liga_sudoers", schema: "public", table: "pessoas", ts_ms: 1764300000000 };

describe("decodeDebezium (lake lines)", () => {
  it("decodes a line as the S3 sink writes it: the record value with its JsonConverter schema", () => {
    const event = decodeDebezium(JSON.parse(createSchemas.value as string));
    expect(event).toMatchObject({ op: "c", table: "public.pessoas", before: null, captureLatencyMs: null, changed: [] });
    expect(event?.after).toMatchObject({ nome: "Fixture Teste da Silva", dt_nasc: "1990-05-17" });
  });

  it("lists the changed columns of an update and unwraps sink lines that carry value and key", () => {
    const update = { op: "u", before: { id: 1, nome: "Ana" }, after: { id: 1, nome: "Ana (Atualizado)" }, source, ts_ms: 1 };
    expect(decodeDebezium(update)?.changed).toEqual(["nome"]);
    expect(decodeDebezium({ value: { op: "d", before: { id: 2 }, after: null, source }, key: '{"id":2}', offset: 4 })).toMatchObject({ op: "d", before: { id: 2 }, after: null });
  });

  it("returns null for anything else", () => {
    expect(decodeDebezium({ id: 1, op: "login" })).toBeNull();
    expect(decodeDebezium([1, 2])).toBeNull();
    expect(decodeDebezium(null)).toBeNull();
  });
});

describe("decodeDebezium of values the sink wrote without their schema", () => {
  const line = JSON.parse(createNoSchemas.value as string);
  const tables = new Map([
    ["public.pessoas", inferTable([
      { name: "id", type: "bigint", precision: 64, scale: 0, key: true },
      { name: "nome", type: "character varying", precision: null, scale: null },
      { name: "dt_nasc", type: "date", precision: 0, scale: null },
      { name: "created_at", type: "timestamp without time zone", precision: 6, scale: null },
    ])],
  ]);

  it("decodes dates and timestamps with the captured table's column types, and says they were inferred", () => {
    expect(decodeDebezium(line, tables)).toMatchObject({ types: "inferred", after: { dt_nasc: "1990-05-17", created_at: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}$/) } });
  });

  it("lists the tables to look up, and leaves numbers as they came when the table is unknown", () => {
    const bare = decodeDebezium(line);
    expect(bare).toMatchObject({ types: "none", after: { dt_nasc: 7441 } });
    expect(tablesWithoutSchema([bare, null])).toEqual([{ db: "liga_sudoers", schema: "public", table: "pessoas" }]);
    expect(tablesWithoutSchema([decodeDebezium(line, tables)])).toEqual([]);
  });
});
