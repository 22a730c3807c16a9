import { describe, expect, it } from "vitest";
import type { DecodedValue } from "../../debezium/shared/types";
import type { TopicMessage } from "../shared/message-types";
import { RingBuffer } from "./ring-buffer";
import { parseEventId, sseComment, sseEvent } from "../../http/sse-frames";
import { filterToSearchParams, matchesFilter, tailFilterSchema } from "../shared/tail-filter";
import { createTopicSchema, isInternalTopic, topicNameProblem } from "../shared/topic-name";
import { ViewerQueue } from "./viewer-queue";

const msg = (key: string | null, value: DecodedValue, partition = 0, offset = "0"): TopicMessage => ({
  id: `${partition}:${offset}`,
  partition,
  offset,
  timestamp: 0,
  key,
  keyIsBinary: false,
  headers: {},
  value,
  size: 1,
});
const change = (op: "c" | "u" | "d", after: Record<string, unknown> | null, before: Record<string, unknown> | null = null): DecodedValue => ({
  kind: "change",
  op,
  table: "public.pessoas",
  before,
  after,
  source: { connector: "postgresql", version: null, name: null, db: null, schema: "public", table: "pessoas", lsn: 1, txId: 1, snapshot: "false", tsMs: 0 },
  tsMs: 0,
  captureLatencyMs: 0,
  latencyBasis: "received",
  withSchema: true,
  types: "schema",
  zonelessFields: [],
  placeholderFields: [],
});

describe("topic names", () => {
  it("follows Kafka's rules: legal characters, 1..249 long, not . or ..", () => {
    expect(topicNameProblem("liga_sudoers.public.pessoas")).toBeNull();
    expect(topicNameProblem("a-b_c.9")).toBeNull();
    expect(topicNameProblem("")).toMatch(/empty/);
    expect(topicNameProblem("x".repeat(250))).toMatch(/249/);
    expect(topicNameProblem(".")).toMatch(/reserved/);
    expect(topicNameProblem("..")).toMatch(/reserved/);
    expect(topicNameProblem("has space")).toMatch(/letters, digits/);
    expect(topicNameProblem("ação")).toMatch(/letters, digits/);
  });

  it("the create schema refuses bad names and partition counts", () => {
    expect(createTopicSchema.safeParse({ name: "ok", partitions: 3 }).success).toBe(true);
    expect(createTopicSchema.safeParse({ name: "bad name", partitions: 3 }).success).toBe(false);
    expect(createTopicSchema.safeParse({ name: "ok", partitions: 0 }).success).toBe(false);
  });

  it("knows Kafka's and Connect's own topics", () => {
    expect(isInternalTopic("__consumer_offsets")).toBe(true);
    expect(isInternalTopic("_lab_readiness")).toBe(true);
    expect(isInternalTopic("debezium_offsets", true)).toBe(true);
    expect(isInternalTopic("debezium_offsets", false)).toBe(false);
    expect(isInternalTopic("liga_sudoers.public.pessoas", true)).toBe(false);
  });
});

describe("viewer queue", () => {
  it("drops what does not fit and says how many in one marker, in place", () => {
    const q = new ViewerQueue<number>(3);
    for (let i = 0; i < 5; i++) q.push(i);
    expect(q.take()).toEqual([{ kind: "item", item: 0 }, { kind: "item", item: 1 }, { kind: "item", item: 2 }, { kind: "skipped", count: 2 }]);
    q.push(5);
    q.push(6);
    q.push(7);
    q.push(8);
    q.push(9);
    expect(q.take(2)).toEqual([{ kind: "item", item: 5 }, { kind: "item", item: 6 }]);
    q.push(10);
    expect(q.take()).toEqual([{ kind: "item", item: 7 }, { kind: "skipped", count: 2 }, { kind: "item", item: 10 }]);
    expect(q.droppedTotal).toBe(4);
    expect(q.hasPending).toBe(false);
  });

  it("counts a shared batch as the records it holds, and skips them all when they do not fit", () => {
    const q = new ViewerQueue<string>(10);
    expect(q.push("batch of 6", false, 6)).toBe(true);
    expect(q.wouldDrop(5)).toBe(true);
    expect(q.push("batch of 5", false, 5)).toBe(false);
    expect(q.push("batch of 4", false, 4)).toBe(true);
    expect(q.take()).toEqual([{ kind: "item", item: "batch of 6" }, { kind: "skipped", count: 5 }, { kind: "item", item: "batch of 4" }]);
    expect(q.droppedTotal).toBe(5);
    // Taken: the room is back.
    expect(q.wouldDrop(10)).toBe(false);
  });
});

describe("ring buffer", () => {
  it("keeps the last N, oldest first", () => {
    const r = new RingBuffer<number>(3);
    for (let i = 1; i <= 5; i++) r.push(i);
    expect(r.toArray()).toEqual([3, 4, 5]);
    expect(r.findLastIndex((x) => x === 4)).toBe(1);
    expect(r.findLastIndex((x) => x === 1)).toBe(-1);
  });
});

describe("SSE framing", () => {
  it("frames events and comments", () => {
    expect(sseEvent({ a: 1 }, { id: "0:5" })).toBe('id: 0:5\ndata: {"a":1}\n\n');
    expect(sseEvent({ count: 2 }, { event: "skipped" })).toBe('event: skipped\ndata: {"count":2}\n\n');
    expect(sseComment("hi\nthere")).toBe(": hi there\n\n");
  });

  it("reads Last-Event-ID as partition:offset", () => {
    expect(parseEventId("2:12345678901234")).toEqual({ partition: 2, offset: 12345678901234n });
    expect(parseEventId("x")).toBeNull();
    expect(parseEventId(null)).toBeNull();
  });
});

describe("tail filters", () => {
  it("parses query parameters and refuses unknown operations", () => {
    expect(tailFilterSchema.parse({ op: "c,u" })).toEqual({ op: ["c", "u"] });
    expect(tailFilterSchema.safeParse({ op: "x" }).success).toBe(false);
    expect(tailFilterSchema.safeParse({ field: "nome" }).success).toBe(false);
    expect(tailFilterSchema.parse(Object.fromEntries(filterToSearchParams({ op: ["d"], key: "42", field: "nome", value: "Ana" })))).toEqual({ op: ["d"], key: "42", field: "nome", value: "Ana" });
  });

  it("matches operation, key substring and a field of the row", () => {
    const f = (q: Record<string, string>) => tailFilterSchema.parse(q);
    const created = msg("Struct{id=42}", change("c", { id: 42, nome: "Ana" }));
    const deleted = msg("Struct{id=42}", change("d", null, { id: 42, nome: "Ana" }));
    expect(matchesFilter(f({ op: "c" }), created)).toBe(true);
    expect(matchesFilter(f({ op: "u,d" }), created)).toBe(false);
    expect(matchesFilter(f({ op: "d", field: "nome", value: "Ana" }), deleted)).toBe(true);
    expect(matchesFilter(f({ key: "ID=4" }), created)).toBe(true);
    expect(matchesFilter(f({ key: "43" }), created)).toBe(false);
    expect(matchesFilter(f({ field: "id", value: "42" }), created)).toBe(true);
    expect(matchesFilter(f({ field: "a.b", value: "x" }), msg("k", { kind: "json", json: { a: { b: "x" } } }))).toBe(true);
    expect(matchesFilter(f({ op: "c" }), msg("k", { kind: "tombstone" }))).toBe(false);
  });
});
