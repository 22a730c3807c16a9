import { describe, expect, it } from "vitest";
import { bytesToText, decodeValue, formatLsn } from "./decode";
import { compareChange, diffRows, updateWithoutBefore } from "./diff";
import { parseKeyFields } from "./key";
import type { ChangeEvent, DecodedValue } from "./types";
// Real records captured from the lab (see fixtures/README.md): Debezium 3.6.1, PostgreSQL 15, table public.pessoas.
import createNoSchemas from "./fixtures/pessoas-create.noschemas.json";
import createSchemas from "./fixtures/pessoas-create.schemas.json";
import deleteNoSchemas from "./fixtures/pessoas-delete.noschemas.json";
import deleteSchemas from "./fixtures/pessoas-delete.schemas.json";
import readSchemas from "./fixtures/pessoas-read.schemas.json";
import tombstoneSchemas from "./fixtures/pessoas-tombstone.schemas.json";
import updateNoSchemas from "./fixtures/pessoas-update.noschemas.json";
import updateSchemas from "./fixtures/pessoas-update.schemas.json";

interface Fixture {
  key: string | null;
  value: string | null;
}
const enc = new TextEncoder();
const decode = (f: Fixture, now = 0): DecodedValue => decodeValue(f.value === null ? null : enc.encode(f.value), { key: f.key, now });
const change = (f: Fixture, now = 0): ChangeEvent => {
  const v = decode(f, now);
  if (v.kind !== "change") throw new Error(`expected a change event, got ${v.kind}`);
  return v;
};

describe("Debezium envelope with schemas.enable=true (the lab's Connect worker)", () => {
  it("decodes an insert as op c with the after row, dates shown as the database prints them", () => {
    const ev = change(createSchemas);
    expect(ev.op).toBe("c");
    expect(ev.table).toBe("public.pessoas");
    expect(ev.withSchema).toBe(true);
    expect(ev.before).toBeNull();
    expect(ev.after).toMatchObject({ id: 99900000001, nome: "Fixture Teste da Silva", sexo: "M", dt_nasc: "1990-05-17" });
    expect(ev.after?.created_at).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}$/);
  });

  it("keeps the source metadata: LSN, txId, snapshot flag and ts_ms, and measures the capture latency", () => {
    const ev = change(createSchemas, 1795828404370 + 250);
    expect(ev.source).toMatchObject({ connector: "postgresql", db: "liga_sudoers", schema: "public", table: "pessoas", snapshot: "false", txId: 765, lsn: 36171824, tsMs: 1795828404370 });
    expect(ev.captureLatencyMs).toBe(250);
    expect(formatLsn(ev.source.lsn)).toBe("0/227F030");
  });

  it("marks snapshot reads as op r with the snapshot flag", () => {
    const ev = change(readSchemas);
    expect(ev.op).toBe("r");
    expect(ev.source.snapshot).toBe("first");
    expect(ev.after?.nome).toBe("Ana Souza");
  });

  it("an update of a table without REPLICA IDENTITY FULL has no before row", () => {
    const ev = change(updateSchemas);
    expect(ev.op).toBe("u");
    expect(ev.before).toBeNull();
    expect(updateWithoutBefore(ev)).toBe(true);
    expect(ev.after?.nome).toBe("Fixture Teste da Silva (Atualizado)");
  });

  it("a delete carries the key in before; the other columns are flagged as placeholders", () => {
    const ev = change(deleteSchemas);
    expect(ev.op).toBe("d");
    expect(ev.after).toBeNull();
    expect(ev.before?.id).toBe(99900000001);
    // nome "", dt_nasc 0, timestamps 0 and sexo = its column default "M": PostgreSQL sent only the key.
    expect(ev.placeholderFields.sort()).toEqual(["created_at", "dt_nasc", "nome", "sexo", "updated_at"]);
  });

  it("a null value is a tombstone", () => {
    expect(decode(tombstoneSchemas)).toEqual({ kind: "tombstone" });
  });
});

describe("Debezium envelope with schemas.enable=false", () => {
  it("decodes the bare payload; without a schema dates stay as numbers", () => {
    const ev = change(createNoSchemas);
    expect(ev.withSchema).toBe(false);
    expect(ev.op).toBe("c");
    expect(ev.after).toMatchObject({ id: 99900000001, nome: "Fixture Teste da Silva", dt_nasc: 7441 });
  });

  it("update and delete decode the same way as with schemas", () => {
    expect(change(updateNoSchemas)).toMatchObject({ op: "u", before: null, after: { nome: "Fixture Teste da Silva (Atualizado)" } });
    const del = change(deleteNoSchemas);
    expect(del.op).toBe("d");
    expect(del.before?.id).toBe(99900000001);
    // Without a schema the column default ("M") is unknown, so only the zero values are flagged.
    expect(del.placeholderFields.sort()).toEqual(["created_at", "dt_nasc", "nome", "updated_at"]);
  });
});

describe("comparisons", () => {
  it("an update without before is compared with the last version of the row seen, and says so", () => {
    const created = change(createSchemas);
    const updated = change(updateSchemas);
    const cmp = compareChange(updated, created.after);
    expect(cmp.origin).toBe("last-seen");
    expect(cmp.changed).toContain("nome");
    expect(cmp.changed).toContain("updated_at");
    expect(cmp.changed).not.toContain("id");
  });

  it("with nothing seen before, the after row stands alone with no field marked changed", () => {
    const cmp = compareChange(change(updateSchemas), null);
    expect(cmp.origin).toBe("none");
    expect(cmp.changed).toEqual([]);
    expect(cmp.diff.find((d) => d.field === "nome")?.after).toBe("Fixture Teste da Silva (Atualizado)");
  });

  it("diffRows lists the fields of both rows and marks only real changes", () => {
    expect(diffRows({ a: 1, b: { x: 1 }, gone: 2 }, { a: 1, b: { x: 2 }, c: 3 })).toEqual([
      { field: "a", before: 1, after: 1, changed: false },
      { field: "b", before: { x: 1 }, after: { x: 2 }, changed: true },
      { field: "c", before: undefined, after: 3, changed: true },
      { field: "gone", before: 2, after: undefined, changed: true },
    ]);
  });
});

describe("values that are not Debezium events", () => {
  it("JSON without an envelope is JSON", () => {
    expect(decodeValue(enc.encode('{"hello":"world"}'))).toEqual({ kind: "json", json: { hello: "world" } });
  });

  it("a JsonConverter struct that is not a change event stays JSON", () => {
    const v = decodeValue(enc.encode('{"schema":{"type":"string"},"payload":"hi"}'));
    expect(v.kind).toBe("json");
  });

  it("text is text, bytes are hex", () => {
    expect(decodeValue(enc.encode("plain words, not JSON"))).toEqual({ kind: "text", text: "plain words, not JSON" });
    expect(decodeValue(new Uint8Array([0, 1, 0xfe, 0xff]))).toEqual({ kind: "binary", hex: "00 01 fe ff", size: 4, truncated: false });
    expect(bytesToText(new Uint8Array([0xc3, 0x28]))).toBeNull();
  });

  it("a truncate event (op t) has no rows", () => {
    const v = decodeValue(enc.encode(JSON.stringify({ before: null, after: null, source: { connector: "postgresql", ts_ms: 10, schema: "public", table: "pessoas" }, op: "t", ts_ms: 20 })), { now: 30 });
    expect(v).toMatchObject({ kind: "change", op: "t", table: "public.pessoas", before: null, after: null, captureLatencyMs: 20 });
  });
});

describe("record keys", () => {
  it("reads Connect's Struct text (StringConverter) and JSON keys", () => {
    expect(parseKeyFields(createSchemas.key)).toEqual({ id: "99900000001" });
    expect(parseKeyFields(createNoSchemas.key)).toEqual({ id: "99900000001" });
    expect(parseKeyFields("Struct{id_pedido=1,id_produto=2}")).toEqual({ id_pedido: "1", id_produto: "2" });
    expect(parseKeyFields("not a key")).toBeNull();
    expect(parseKeyFields(null)).toBeNull();
  });
});
