import { describe, expect, it } from "vitest";
import { buildGraph, type ConnectorInput } from "./graph";
import { stageHealth } from "./health";

const PG = "io.debezium.connector.postgresql.PostgresConnector";
const src = (over: Partial<ConnectorInput> = {}): ConnectorInput => ({ name: "src", type: "source", config: { "connector.class": PG, "topic.prefix": "p", "table.include.list": "public.a,public.b", "publication.name": "pub", "slot.name": "s1" }, state: "RUNNING", tasks: [{ id: 0, state: "RUNNING" }], failure: null, database: "oltp", ...over });
const sink = (over: Partial<ConnectorInput> = {}): ConnectorInput => ({ name: "snk", type: "sink", config: { topics: "p.public.a", "s3.bucket.name": "raw" }, state: "RUNNING", tasks: [{ id: 0, state: "RUNNING" }], failure: null, database: null, ...over });
const graphOf = (connectors: ConnectorInput[]) =>
  buildGraph({ clusters: [{ id: "0", slug: "c", url: "http://c", connectors, error: null }], databases: { oltp: { tables: ["public.a", "public.b"], publications: { pub: { allTables: false, tables: ["public.a"] } } } }, topics: ["p.public.a"] });
const none = { missingBuckets: new Set<string>(), down: new Set<never>() };

describe("stage health", () => {
  it("is green along a running pipeline, with links to the pages of each stage", () => {
    const g = graphOf([src(), sink()]);
    const h = stageHealth(g, { "connector:c/src": { slotActive: true, retainedBytes: 10 } }, none);
    expect(h["table:oltp/public.a"]).toEqual({ level: "ok", cause: null, link: "/database?db=oltp&tab=doctor&cluster=0&connector=src" });
    expect(h["connector:c/src"]).toEqual({ level: "ok", cause: null, link: "/connectors/c/src" });
    expect(h["topic:p.public.a"]).toMatchObject({ level: "ok", link: "/topics/p.public.a" });
    expect(h["bucket:raw/topics"]).toMatchObject({ level: "ok", link: "/lake/raw?prefix=topics%2F" });
  });

  it("a table outside the publication is red and links the doctor", () => {
    const h = stageHealth(graphOf([src()]), {}, none);
    expect(h["table:oltp/public.b"]).toMatchObject({ level: "error", cause: { code: "table_not_in_publication", params: { table: "public.b", publication: "pub" } } });
  });

  it("a paused sink is red with its lag; a failed source says Connect's cause; an inactive slot links the doctor", () => {
    const g = graphOf([src({ state: "FAILED", failure: "PSQLException: FATAL: password authentication failed" }), sink({ state: "PAUSED" })]);
    const h = stageHealth(g, { "connector:c/snk": { lag: 42 } }, none);
    expect(h["connector:c/snk"]).toEqual({ level: "error", cause: { code: "sink_paused", params: { name: "snk", lag: 42 } }, link: "/connectors/c/snk" });
    expect(h["connector:c/src"]).toMatchObject({ level: "error", cause: { code: "connector_failed", params: { detail: "PSQLException: FATAL: password authentication failed" } } });
    const inactive = stageHealth(graphOf([src()]), { "connector:c/src": { slotActive: false } }, none);
    expect(inactive["connector:c/src"]).toMatchObject({ level: "error", cause: { code: "slot_inactive" }, link: "/database?db=oltp&tab=doctor&cluster=0&connector=src" });
  });

  it("a missing bucket is red; a system that could not be read leaves its stages unknown, not green", () => {
    const g = graphOf([src(), sink()]);
    expect(stageHealth(g, {}, { missingBuckets: new Set(["raw"]), down: new Set() })["bucket:raw/topics"]).toMatchObject({ level: "error", cause: { code: "bucket_missing" }, link: "/lake" });
    const down = stageHealth(g, {}, { missingBuckets: new Set(), down: new Set(["postgres", "connect"]) });
    expect(down["table:oltp/public.a"]!.level).toBe("unknown");
    expect(down["connector:c/snk"]!.level).toBe("unknown");
  });
});
