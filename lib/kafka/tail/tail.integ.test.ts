// The live tail against the real lab: the SSE route handler, the hub, a real Kafka broker.
import { randomBytes } from "node:crypto";
import { Kafka, logLevel, Partitioners, type Admin, type Producer } from "kafkajs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readLabEndpoints } from "../../config-core";
import type { TailGap, TailReady, TopicMessage } from "../shared/message-types";
import { SseReader, type SseMessage } from "@/test/sse-test-client";

// Small numbers so that the limits are reached quickly (read when the hub is first used).
process.env.TAIL_RING_SIZE = "200";
process.env.TAIL_BACKFILL = "0";
process.env.TAIL_VIEWER_QUEUE = "100";
process.env.TAIL_IDLE_CLOSE_MS = "1500";
process.env.TAIL_FLUSH_MS = "5";

const { GET: tailGET } = await import("@/app/api/topics/[topic]/tail/route");
const { GET: hubGET } = await import("@/app/api/topics/hub/route");
const { DELETE: topicDELETE } = await import("@/app/api/topics/[topic]/route");
const { tailHub } = await import("./hub");

const brokers = (process.env.KAFKA_BROKERS ?? readLabEndpoints().KAFKA_BROKERS ?? "127.0.0.1:9092").split(",");
const kafka = new Kafka({ clientId: "tail-hub-integ", brokers, logLevel: logLevel.NOTHING });
const run = randomBytes(3).toString("hex");
const topicMulti = `topics-integ-tail-multi-${run}`;
const topicOne = `topics-integ-tail-one-${run}`;
const topicDoomed = `topics-integ-tail-doomed-${run}`;
let admin: Admin;
let producer: Producer;

interface Viewer {
  reader: SseReader;
  abort: AbortController;
}

async function openViewer(topic: string, opts: { lastEventId?: string; query?: string } = {}): Promise<Viewer> {
  const abort = new AbortController();
  const headers: Record<string, string> = opts.lastEventId ? { "Last-Event-ID": opts.lastEventId } : {};
  const res = await tailGET(new Request(`http://console.test/api/topics/${topic}/tail${opts.query ?? ""}`, { headers, signal: abort.signal }), { params: Promise.resolve({ topic }) });
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toContain("text/event-stream");
  return { reader: new SseReader(res.body!), abort };
}

/**
 * The browser goes away. Next.js both aborts the request's signal and cancels the body; here the body is
 * cancelled too, because undici's Request lets go of a signal that follows another once it is garbage collected.
 */
async function leave(v: Viewer): Promise<void> {
  v.abort.abort();
  await v.reader.cancel();
}

async function waitReady(v: Viewer): Promise<TailReady> {
  const events = await v.reader.collect((e) => e.event === "ready", 20_000);
  return JSON.parse(events.at(-1)!.data) as TailReady;
}

const messagesOf = (events: SseMessage[]) => events.filter((e) => e.event === "message").map((e) => JSON.parse(e.data) as TopicMessage);
const countMessages = (n: number) => (_e: SseMessage, all: SseMessage[]) => all.filter((x) => x.event === "message").length >= n;

async function produce(topic: string, keys: string[], tag: string, perKey = 1): Promise<void> {
  for (let round = 0; round < perKey; round++) {
    for (let i = 0; i < keys.length; i += 100) {
      await producer.send({ topic, messages: keys.slice(i, i + 100).map((key) => ({ key, value: JSON.stringify({ key, round, tag }) })) });
    }
  }
}

async function hubStats() {
  const res = await hubGET(new Request("http://console.test/api/topics/hub"));
  return ((await res.json()) as { data: { consumersOpen: number; consumersOpenedByTopic: Record<string, number>; topics: { topic: string; viewers: number; groupId: string; skipped: number }[] } }).data;
}

async function eventually<T>(what: string, fn: () => Promise<T | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

beforeAll(async () => {
  admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ waitForLeaders: true, topics: [{ topic: topicMulti, numPartitions: 3 }, { topic: topicOne, numPartitions: 1 }, { topic: topicDoomed, numPartitions: 1 }] });
  producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner, allowAutoTopicCreation: false });
  await producer.connect();
});

afterAll(async () => {
  await tailHub().closeAll();
  await producer?.disconnect();
  await admin?.disconnect();
  // A fresh client: the first one may still track the topic deleted by the last test.
  const cleanup = kafka.admin();
  await cleanup.connect();
  const left = (await cleanup.listTopics()).filter((t) => [topicMulti, topicOne, topicDoomed].includes(t));
  if (left.length) await cleanup.deleteTopics({ topics: left });
  await cleanup.disconnect();
});

describe("live tail over SSE", () => {
  it("refuses invalid topic names (422) and unknown topics (404, saying how topics get created)", async () => {
    for (const bad of ["..", "has space", "x".repeat(250), "ação"]) {
      const res = await tailGET(new Request(`http://console.test/api/topics/x/tail`), { params: Promise.resolve({ topic: bad }) });
      expect(res.status).toBe(422);
      const body = await res.json();
      expect(body.error.message).toMatch(/Invalid topic name/);
    }
    const missing = `topics-integ-missing-${run}`;
    const res = await tailGET(new Request(`http://console.test/api/topics/${missing}/tail`), { params: Promise.resolve({ topic: missing }) });
    expect(res.status).toBe(404);
    const body = await res.json();
    expect(body.error.message).toContain(missing);
    expect(body.error.message).toMatch(/register the Debezium connector|create the topic/);
    const badFilter = await tailGET(new Request(`http://console.test/api/topics/${topicOne}/tail?op=x`), { params: Promise.resolve({ topic: topicOne }) });
    expect(badFilter.status).toBe(422);
  });

  it("delivers messages with known keys complete and in order per partition; two viewers share one consumer", async () => {
    const a = await openViewer(topicMulti);
    const b = await openViewer(topicMulti);
    const ready = await waitReady(a);
    await waitReady(b);
    expect(ready.partitions.map((p) => p.partition)).toEqual([0, 1, 2]);

    const stats = await hubStats();
    const t = stats.topics.find((x) => x.topic === topicMulti)!;
    expect(t.viewers).toBe(2);
    expect(stats.consumersOpenedByTopic[topicMulti]).toBe(1);

    const keys = Array.from({ length: 150 }, (_, i) => `key-${i}`);
    // Both browsers read while the messages are produced, as a browser does.
    const reading = [a, b].map((v) => v.reader.collect(countMessages(300), 30_000));
    await produce(topicMulti, keys, "order", 2); // 300 messages, two per key
    for (const events of await Promise.all(reading)) {
      const got = messagesOf(events);
      expect(got).toHaveLength(300);
      expect(new Set(got.map((m) => m.id)).size).toBe(300);
      // Per partition: offsets strictly increasing with no hole; per key: round 0 before round 1.
      for (const p of [0, 1, 2]) {
        const offsets = got.filter((m) => m.partition === p).map((m) => Number(m.offset));
        expect(offsets).toEqual(offsets.map((_, i) => offsets[0]! + i));
      }
      const rounds = new Map<string, number[]>();
      for (const m of got) {
        expect(m.value.kind).toBe("json");
        const v = (m.value as { json: { round: number } }).json;
        rounds.set(m.key!, [...(rounds.get(m.key!) ?? []), v.round]);
      }
      expect(rounds.size).toBe(150);
      for (const r of rounds.values()) expect(r).toEqual([0, 1]);
    }
    expect((await hubStats()).consumersOpenedByTopic[topicMulti]).toBe(1);
    await leave(a);
    await leave(b);
  });

  it("a slow viewer gets a skip marker while a fast one misses nothing", async () => {
    const fast = await openViewer(topicOne);
    const slow = await openViewer(topicOne);
    await waitReady(fast);
    // `slow` is never read until the end: its stream asks for nothing, so its queue (100) fills up.
    const keys = Array.from({ length: 400 }, (_, i) => `slow-${i}`);
    const produced = produce(topicOne, keys, "slow");
    const fastGot = messagesOf(await fast.reader.collect(countMessages(400), 30_000));
    await produced;
    expect(fastGot.map((m) => m.key)).toEqual(keys);

    const events = await slow.reader.collect((e) => e.event === "skipped", 10_000);
    const delivered = messagesOf(events);
    const skipped = JSON.parse(events.at(-1)!.data) as { count: number };
    expect(delivered.length).toBeLessThanOrEqual(100);
    expect(delivered.length + skipped.count).toBe(400);
    // Delivered messages are the oldest ones, still in order; the stream then carries on.
    expect(delivered.map((m) => m.key)).toEqual(keys.slice(0, delivered.length));
    const reading = slow.reader.collect((e) => e.event === "message", 10_000);
    await produce(topicOne, ["after-skip"], "slow");
    const more = messagesOf(await reading);
    expect(more.at(-1)?.key).toBe("after-skip");
    expect((await hubStats()).topics.find((t) => t.topic === topicOne)!.skipped).toBe(skipped.count);
    await leave(fast);
    await leave(slow);
  });

  it("a viewer reconnecting with Last-Event-ID resumes with no gap and no duplicate", async () => {
    const first = await openViewer(topicOne);
    await waitReady(first);
    const keys = Array.from({ length: 60 }, (_, i) => `resume-${i}`);
    const reading = first.reader.collect((e) => e.event === "message" && (JSON.parse(e.data) as TopicMessage).key === "resume-19", 20_000);
    await produce(topicOne, keys.slice(0, 30), "resume");
    const before = messagesOf(await reading);
    const lastId = before.at(-1)!.id;
    await leave(first);
    await produce(topicOne, keys.slice(30), "resume");

    const second = await openViewer(topicOne, { lastEventId: lastId });
    const ready = await waitReady(second);
    expect(ready.resumedAfter).toBe(lastId);
    const after = messagesOf(await second.reader.collect((e) => e.event === "message" && (JSON.parse(e.data) as TopicMessage).key === "resume-59", 20_000));
    const seen = [...before, ...after].filter((m) => m.key?.startsWith("resume-")).map((m) => m.key);
    expect(seen).toEqual(keys);
    await leave(second);
  });

  it("beyond the ring buffer's reach, a reconnect says how many messages it missed", async () => {
    const first = await openViewer(topicOne);
    await waitReady(first);
    const reading = first.reader.collect((e) => e.event === "message" && (JSON.parse(e.data) as TopicMessage).key === "gap-start", 20_000);
    await produce(topicOne, ["gap-start"], "gap");
    const got = messagesOf(await reading);
    const lastId = got.at(-1)!.id;
    const keep = await openViewer(topicOne); // keeps the consumer (and its ring of 200) alive meanwhile
    await leave(first);
    const keys = Array.from({ length: 300 }, (_, i) => `gap-${i}`);
    const kept = keep.reader.collect((e) => e.event === "message" && (JSON.parse(e.data) as TopicMessage).key === "gap-299", 20_000);
    await produce(topicOne, keys, "gap");
    await kept;

    const again = await openViewer(topicOne, { lastEventId: lastId });
    const events = await again.reader.collect((e) => e.event === "message" && (JSON.parse(e.data) as TopicMessage).key === "gap-299", 20_000);
    const gap = events.find((e) => e.event === "gap");
    expect(gap).toBeDefined();
    const g = JSON.parse(gap!.data) as TailGap;
    expect(g.count).toBe(100); // 300 produced, the ring holds the last 200
    expect(g.fromOffset).toBe(String(Number(lastId.split(":")[1]) + 1));
    const resumed = messagesOf(events).map((m) => m.key);
    expect(resumed).toEqual(keys.slice(100));
    await leave(again);
    await leave(keep);
  });

  it("closes the consumer (and deletes its group) shortly after the last viewer leaves", async () => {
    const v = await openViewer(topicMulti);
    await waitReady(v);
    const stats = await hubStats();
    const groupId = stats.topics.find((t) => t.topic === topicMulti)!.groupId;
    const openedSoFar = stats.consumersOpenedByTopic[topicMulti]!;
    await leave(v);
    await eventually("the tail to close", async () => !(await hubStats()).topics.some((t) => t.topic === topicMulti));
    await eventually("its group to be deleted", async () => !(await admin.listGroups()).groups.some((g) => g.groupId === groupId));
    // The next viewer opens a new consumer.
    const next = await openViewer(topicMulti);
    await waitReady(next);
    expect((await hubStats()).consumersOpenedByTopic[topicMulti]).toBe(openedSoFar + 1);
    await leave(next);
  });

  it("deleting a watched topic through the console ends its streams with the reason", async () => {
    const v = await openViewer(topicDoomed);
    await waitReady(v);
    const res = await topicDELETE(new Request(`http://127.0.0.1/api/topics/${topicDoomed}`, { method: "DELETE" }), { params: Promise.resolve({ topic: topicDoomed }) });
    expect(res.status).toBe(200);
    const events = await v.reader.collect((e) => e.event === "tail-error", 10_000);
    expect(JSON.parse(events.at(-1)!.data)).toMatchObject({ code: "topic_deleted" });
    expect(await v.reader.next()).toBeNull(); // the stream ends
    const again = await tailGET(new Request(`http://console.test/api/topics/${topicDoomed}/tail`), { params: Promise.resolve({ topic: topicDoomed }) });
    expect(again.status).toBe(404);
  });
});
