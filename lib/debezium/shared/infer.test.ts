import { describe, expect, it } from "vitest";
import { decodeJson } from "./decode";
import { inferTable, logicalTypeOf } from "./infer";
import createNo from "./fixtures/pessoas-create.noschemas.json";
import createWith from "./fixtures/pessoas-create.schemas.json";
import deleteNo from "./fixtures/pessoas-delete.noschemas.json";
import deleteWith from "./fixtures/pessoas-delete.schemas.json";

// public.pessoas as information_schema describes it in the lab.
const pessoas = inferTable([
  { name: "id", type: "bigint", precision: 64, scale: 0, key: true },
  { name: "nome", type: "character varying", precision: null, scale: null },
  { name: "sexo", type: "character", precision: null, scale: null, defaultSql: "'M'::bpchar" },
  { name: "dt_nasc", type: "date", precision: 0, scale: null },
  { name: "created_at", type: "timestamp without time zone", precision: 6, scale: null, defaultSql: "now()" },
  { name: "updated_at", type: "timestamp without time zone", precision: 6, scale: null, defaultSql: "now()" },
]);

const value = (f: { value: unknown }) => JSON.parse(f.value as string);

describe("events without a schema, decoded with the captured table's column types", () => {
  it("shows the schema-less create exactly as the live tail shows the same event with its schema", () => {
    const tail = decodeJson(value(createWith), { now: 0 });
    const lake = decodeJson(value(createNo), { now: 0, inferred: pessoas });
    expect(lake).toMatchObject({ kind: "change", types: "inferred", withSchema: false });
    expect(tail).toMatchObject({ types: "schema" });
    if (lake.kind !== "change" || tail.kind !== "change") throw new Error("not a change");
    expect(lake.after).toEqual(tail.after);
    expect(lake.after).toMatchObject({ dt_nasc: "1990-05-17", created_at: expect.stringMatching(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\.\d{6}$/) });
  });

  it("marks a delete's non-key columns as placeholders without the record key, from the table's primary key", () => {
    const lake = decodeJson(value(deleteNo), { now: 0, inferred: pessoas });
    const tail = decodeJson(value(deleteWith), { now: 0, key: deleteWith.key as string });
    if (lake.kind !== "change" || tail.kind !== "change") throw new Error("not a change");
    expect(lake.placeholderFields).toEqual(["nome", "sexo", "dt_nasc", "created_at", "updated_at"]);
    expect(lake.placeholderFields).toEqual(tail.placeholderFields);
  });

  it("names the timestamps that carry no time zone (timestamp without time zone), with or without a schema", () => {
    const tail = decodeJson(value(createWith), { now: 0 });
    const lake = decodeJson(value(createNo), { now: 0, inferred: pessoas });
    if (lake.kind !== "change" || tail.kind !== "change") throw new Error("not a change");
    expect(lake.zonelessFields).toEqual(["created_at", "updated_at"]);
    expect(tail.zonelessFields).toEqual(lake.zonelessFields);
  });

  it("says when nothing could be inferred", () => {
    const bare = decodeJson(value(createNo), { now: 0 });
    expect(bare).toMatchObject({ types: "none", after: { dt_nasc: 7441 } });
  });

  it("maps column types the way the course's connector encodes them", () => {
    expect(logicalTypeOf("date", 0)).toBe("io.debezium.time.Date");
    expect(logicalTypeOf("timestamp without time zone", 3)).toBe("io.debezium.time.Timestamp");
    expect(logicalTypeOf("timestamp with time zone", 6)).toBe("io.debezium.time.ZonedTimestamp");
    expect(logicalTypeOf("character varying", null)).toBeNull();
  });
});
