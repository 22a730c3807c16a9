import { describe, expect, it } from "vitest";
import { decodeDebezium } from "./debezium";
import createSchemas from "../../debezium/fixtures/pessoas-create.schemas.json";

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
