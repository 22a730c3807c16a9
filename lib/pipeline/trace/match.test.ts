import { describe, expect, it } from "vitest";
import { capturesTable, eventStop, objectWrittenAt, keyOffsets, lineMatches, lsnText, markedValue, matchEvent, mayHoldEvent, objectStop, type EventFacts, type SinkFacts } from "./match";
import { latencyOf } from "../shared/trace";

const M = "LCT-abc123def456";
const value = (after: Record<string, unknown> | null, before: Record<string, unknown> | null = null) =>
  JSON.stringify({ schema: {}, payload: { before, after, op: "u", source: { lsn: 23_462_728, ts_ms: 1_700_000_000_000 } } });

describe("the marker", () => {
  it("is appended to the original when it fits, else written alone", () => {
    expect(markedValue("Ana", M, 200)).toBe(`Ana [${M}]`);
    expect(markedValue("x".repeat(190), M, 200)).toBe(`[${M}]`);
    expect(markedValue(null, M, null)).toBe(`[${M}]`);
  });
});

describe("matching the event", () => {
  it("matches by the row's key and the marker in after, with the lsn as PostgreSQL writes it", () => {
    expect(matchEvent("Struct{id=42}", value({ id: 42, nome: `Ana [${M}]` }), { id: "42" }, M)).toEqual({ lsn: "0/1660348", sourceTsMs: 1_700_000_000_000, op: "u" });
    expect(matchEvent('{"id":42}', value({ id: 42, nome: `Ana [${M}]` }), { id: "42" }, M)).not.toBeNull();
  });

  it("does not match another row, the restoring update (marker only in before) or another marker", () => {
    expect(matchEvent("Struct{id=43}", value({ id: 43, nome: `Ana [${M}]` }), { id: "42" }, M)).toBeNull();
    expect(matchEvent("Struct{id=42}", value({ id: 42, nome: "Ana" }, { id: 42, nome: `Ana [${M}]` }), { id: "42" }, M)).toBeNull();
    expect(matchEvent("Struct{id=42}", value({ id: 42, nome: "Ana [LCT-other0000000]" }), { id: "42" }, M)).toBeNull();
    expect(lsnText("x")).toBeNull();
  });

  it("finds the line of a sink's object by the marker in after", () => {
    expect(lineMatches(JSON.stringify({ after: { nome: `[${M}]` } }), M)).toBe(true);
    expect(lineMatches(JSON.stringify({ before: { nome: `[${M}]` }, after: { nome: "Ana" } }), M)).toBe(false);
    expect(lineMatches(`id=42,nome=[${M}]`, M)).toBe(true);
  });
});

describe("which objects may hold the event", () => {
  const ev = { partition: 0, offset: 120n, brokerAt: Date.parse("2026-12-02T00:00:10Z") };
  it("reads the partition and first offset from the lab's and Confluent's keys", () => {
    expect(keyOffsets("topics/t/year=2026/t+0+0000000000000000120.jsonl")).toEqual({ partition: 0, startOffset: 120n });
    expect(keyOffsets("topics/t/t+3+15.json")).toEqual({ partition: 3, startOffset: 15n });
    expect(keyOffsets("topics/t/part-0001.parquet")).toBeNull();
  });
  it("skips objects written before the event, of another partition, starting after the offset, or still uploading", () => {
    const at = Date.parse("2026-12-02T00:00:10Z");
    expect(mayHoldEvent({ key: "p/t+0+0000000000000000100.jsonl", lastModified: at }, ev)).toBe(true);
    expect(mayHoldEvent({ key: "p/t+0+0000000000000000100.jsonl", lastModified: at - 5000 }, ev)).toBe(false);
    expect(mayHoldEvent({ key: "p/t+1+0000000000000000100.jsonl", lastModified: at }, ev)).toBe(false);
    expect(mayHoldEvent({ key: "p/t+0+0000000000000000121.jsonl", lastModified: at }, ev)).toBe(false);
    expect(mayHoldEvent({ key: "p/t+0+0000000000000000100.jsonl-0f8fad5b-d9cb-469f-a165-70867728950e", lastModified: at }, ev)).toBe(false);
  });
});

describe("which tables a connector captures", () => {
  it("follows Debezium's include and exclude lists (regular expressions)", () => {
    expect(capturesTable({ "table.include.list": "public.pessoas" }, "public", "pessoas")).toBe(true);
    expect(capturesTable({ "table.include.list": "public.pessoas" }, "public", "produtos")).toBe(false);
    expect(capturesTable({ "table.include.list": "public\\.p.*" }, "public", "produtos")).toBe(true);
    expect(capturesTable({}, "public", "produtos")).toBe(true);
    expect(capturesTable({ "table.exclude.list": "public.produtos" }, "public", "produtos")).toBe(false);
    expect(capturesTable({ "schema.include.list": "dw" }, "public", "pessoas")).toBe(false);
  });
});

describe("why a trace stopped", () => {
  const facts: EventFacts = { cluster: "0", connector: "src", connectorState: "RUNNING", taskState: null, capturedByConfig: true, publication: "pub", inPublication: true, slot: "slot", slotActive: true, table: "public.pessoas", seconds: 30 };
  it("checks the connector, then the include list, the publication and the slot, in that order", () => {
    expect(eventStop({ ...facts, connectorState: "PAUSED", inPublication: false })).toMatchObject({ code: "connector_not_running", params: { state: "PAUSED" }, link: { href: "/connectors/0/src" } });
    expect(eventStop({ ...facts, taskState: "FAILED" })).toMatchObject({ code: "connector_not_running", params: { state: "task FAILED" } });
    expect(eventStop({ ...facts, capturedByConfig: false, inPublication: false })).toMatchObject({ code: "table_not_in_include_list", link: { kind: "doctor" } });
    expect(eventStop({ ...facts, inPublication: false, slotActive: false })).toMatchObject({ code: "table_not_in_publication", params: { publication: "pub" } });
    expect(eventStop({ ...facts, slotActive: false })).toMatchObject({ code: "slot_inactive", params: { slot: "slot" } });
    expect(eventStop({ ...facts, slotActive: null }).code).toBe("slot_inactive");
    expect(eventStop(facts).code).toBe("no_event");
  });

  const sink: SinkFacts = { cluster: "0", name: "s", bucket: "raw", prefix: "topics/t/", state: "RUNNING", taskState: null, flushSize: "10", rotateIntervalMs: "10000" };
  it("checks that a sink reads the topic, then its state, then its flush settings", () => {
    expect(objectStop("t", [], 60)).toMatchObject({ code: "no_sink", stage: "topic", link: { href: "/connectors/register" } });
    expect(objectStop("t", [sink, { ...sink, name: "p", state: "PAUSED" }], 60)).toMatchObject({ code: "sink_not_running", params: { sink: "p", state: "PAUSED" } });
    expect(objectStop("t", [sink], 60)).toMatchObject({ code: "not_flushed", params: { flushSize: "10", rotateIntervalMs: "10000" } });
  });
});

describe("latencies", () => {
  it("come from the systems' timestamps; the console's share from when it noticed them", () => {
    const l = latencyOf({
      commit: { at: "2026-12-02T00:00:00.000Z", txid: "1", lsn: "0/1", key: {}, column: "nome", noticedAt: "2026-12-02T00:00:00.010Z" },
      topic: { topic: "t", partition: 0, offset: "1", brokerAt: "2026-12-02T00:00:00.200Z", lsn: null, sourceTsMs: null, op: "u", noticedAt: "2026-12-02T00:00:00.250Z" },
      object: { sink: { cluster: "0", name: "s" }, bucket: "b", key: "k", line: 1, lastModified: "2026-12-02T00:00:01.000Z", writtenAt: "2026-12-02T00:00:01.000Z", writtenAtErrorMs: 0, noticedAt: "2026-12-02T00:00:01.300Z" },
    });
    expect(l).toEqual({ commitToTopicMs: 200, topicToObjectMs: 800, totalMs: 1000, consoleMs: 350, noticedTotalMs: 1300 });
    expect(latencyOf({}).commitToTopicMs).toBeNull();
  });
});

describe("when an object was written", () => {
  it("takes Last-Modified with milliseconds as it is", () => {
    expect(objectWrittenAt(10_250, 10_000, 11_000)).toEqual({ at: 10_250, errorMs: 0 });
  });
  it("with whole seconds, takes the middle of what is possible: not before the event, not after the console saw it", () => {
    // Last-Modified 10 s, event at 10.4 s, seen at 10.9 s: written in [10.4, 10.9].
    expect(objectWrittenAt(10_000, 10_400, 10_900)).toEqual({ at: 10_650, errorMs: 250 });
    // Seen late: the second's end bounds it.
    expect(objectWrittenAt(10_000, 9_000, 13_000)).toEqual({ at: 10_500, errorMs: 500 });
  });
});
