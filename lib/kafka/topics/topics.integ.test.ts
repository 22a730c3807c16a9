// The Topics API against the real lab: list, create, describe, browse, delete — through the route handlers.
import { randomBytes } from "node:crypto";
import { Kafka, logLevel, type Admin } from "kafkajs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readLabEndpoints } from "../../config-core";
import type { BrowsePage } from "../shared/browse-types";
import type { TopicDetail, TopicsOverview } from "../shared/topic-types";

const topicsRoute = await import("@/app/api/topics/route");
const topicRoute = await import("@/app/api/topics/[topic]/route");
const messagesRoute = await import("@/app/api/topics/[topic]/messages/route");

const brokers = (process.env.KAFKA_BROKERS ?? readLabEndpoints().KAFKA_BROKERS ?? "127.0.0.1:9092").split(",");
const kafka = new Kafka({ clientId: "topics-integ", brokers, logLevel: logLevel.NOTHING });
const run = randomBytes(3).toString("hex");
const topic = `topics-integ-api-${run}`;
const group = `topics-integ-group-${run}`;
let admin: Admin;

const json = (body: unknown) => new Request("http://127.0.0.1/api/topics", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
const ctx = (t: string) => ({ params: Promise.resolve({ topic: t }) });

async function browse(query: string): Promise<BrowsePage> {
  const res = await messagesRoute.GET(new Request(`http://127.0.0.1/api/topics/${topic}/messages?${query}`), ctx(topic));
  expect(res.status).toBe(200);
  return ((await res.json()) as { data: BrowsePage }).data;
}

beforeAll(async () => {
  admin = kafka.admin();
  await admin.connect();
});

afterAll(async () => {
  await admin.disconnect();
  // A fresh client: the first one still tracks the deleted topic and its metadata requests now fail.
  const cleanup = kafka.admin();
  await cleanup.connect();
  await cleanup.deleteGroups([group]).catch((e) => console.error(`could not delete consumer group ${group}:`, e));
  await cleanup.deleteTopics({ topics: [topic] }).catch(() => undefined);
  await cleanup.disconnect();
});

describe("topics API", () => {
  it("answers a replication factor above the number of brokers with 422 naming both, and creates nothing", async () => {
    const { brokers: live } = await admin.describeCluster();
    const name = `security-rf-${run}`;
    const res = await topicsRoute.POST(json({ name, partitions: 1, replicationFactor: live.length + 2 }), { params: Promise.resolve({}) });
    expect(res.status).toBe(422);
    const { error } = await res.json();
    expect(error.code).toBe("replication_factor_above_brokers");
    expect(error.params).toMatchObject({ replicationFactor: live.length + 2, brokerCount: live.length });
    expect(error.message).toContain(`replication factor ${live.length + 2}`);
    expect(error.message).toContain(`${live.length} broker`);
    expect((await admin.listTopics()).includes(name)).toBe(false);
  });

  it("creates a topic (validated), then refuses to create it twice", async () => {
    const bad = await topicsRoute.POST(json({ name: "no spaces allowed", partitions: 2 }), { params: Promise.resolve({}) });
    expect(bad.status).toBe(422);
    expect((await bad.json()).error.message).toMatch(/letters, digits/);
    expect((await admin.listTopics()).includes("no spaces allowed")).toBe(false);

    const res = await topicsRoute.POST(json({ name: topic, partitions: 2, replicationFactor: 1 }), { params: Promise.resolve({}) });
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ ok: true, data: { name: topic, partitions: 2, replicationFactor: 1 } });
    expect(await admin.listTopics()).toContain(topic);

    const again = await topicsRoute.POST(json({ name: topic, partitions: 2 }), { params: Promise.resolve({}) });
    expect(again.status).toBe(409);
    expect((await again.json()).error.message).toMatch(/already exists/);
  });

  it("lists topics with partitions, offsets and counts, and groups with lag per partition", async () => {
    const producer = kafka.producer();
    await producer.connect();
    // 10 messages to partition 0 and 5 to partition 1, timestamps one second apart.
    const base = Date.now() - 60_000;
    await producer.send({ topic, messages: Array.from({ length: 10 }, (_, i) => ({ partition: 0, key: `k${i}`, value: JSON.stringify({ i }), timestamp: String(base + i * 1000), headers: { origin: "integ" } })) });
    await producer.send({ topic, messages: Array.from({ length: 5 }, (_, i) => ({ partition: 1, key: `p1-${i}`, value: `text ${i}`, timestamp: String(base + i * 1000 + 500) })) });
    await producer.disconnect();
    await admin.setOffsets({ groupId: group, topic, partitions: [{ partition: 0, offset: "4" }] });

    const res = await topicsRoute.GET(new Request("http://127.0.0.1/api/topics"));
    expect(res.status).toBe(200);
    const body = ((await res.json()) as { data: TopicsOverview }).data;
    const t = body.topics.find((x) => x.name === topic)!;
    expect(t).toMatchObject({ partitionCount: 2, replicationFactor: 1, messages: 15, messagesEstimated: false, internal: false });
    expect(t.partitions.map((p) => [p.low, p.high])).toEqual([["0", "10"], ["0", "5"]]);
    expect(body.topics.find((x) => x.name === "__consumer_offsets")?.internal).toBe(true);
    const g = body.groups.find((x) => x.groupId === group)!;
    expect(g.lag).toEqual([{ topic, partition: 0, committed: "4", high: "10", lag: 6 }]);
    expect(body.groups.some((x) => x.groupId.startsWith("lab-console-"))).toBe(false);
  });

  it("describes one topic with its configuration; unknown topics are 404, bad names 422", async () => {
    const res = await topicRoute.GET(new Request("http://127.0.0.1"), ctx(topic));
    expect(res.status).toBe(200);
    const d = ((await res.json()) as { data: TopicDetail }).data;
    expect(d.configs.find((c) => c.name === "cleanup.policy")?.value).toBe("delete");
    expect(d.groups.map((g) => g.groupId)).toContain(group);

    const missing = await topicRoute.GET(new Request("http://127.0.0.1"), ctx(`nope-${run}`));
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.message).toContain(`nope-${run}`);
    const bad = await topicRoute.GET(new Request("http://127.0.0.1"), ctx(".."));
    expect(bad.status).toBe(422);
  });

  it("browses from earliest, latest, an offset and a timestamp, and pages through without gaps", async () => {
    const first = await browse("from=earliest&limit=6");
    expect(first.messages).toHaveLength(6);
    expect(first.messages[0]).toMatchObject({ id: "0:0", key: "k0", headers: { origin: "integ" }, value: { kind: "json", json: { i: 0 } } });
    expect(first.messages.find((m) => m.partition === 1)?.value).toEqual({ kind: "text", text: "text 0" });
    const seen = first.messages.map((m) => m.id);
    let cursor = first.after;
    while (cursor) {
      const page = await browse(`after=${cursor}&limit=6`);
      seen.push(...page.messages.map((m) => m.id));
      cursor = page.after;
    }
    expect(seen.sort()).toEqual([...Array.from({ length: 10 }, (_, i) => `0:${i}`), ...Array.from({ length: 5 }, (_, i) => `1:${i}`)].sort());

    const latest = await browse("from=latest&limit=3");
    expect(latest.messages.map((m) => m.id)).toEqual(["0:7", "0:8", "0:9"]); // the newest three by timestamp
    expect(latest.before).not.toBeNull();

    const byOffset = await browse("from=offset&partition=0&offset=7&limit=50");
    expect(byOffset.messages.map((m) => m.id)).toEqual(["0:7", "0:8", "0:9"]);

    const t5 = first.messages.find((m) => m.id === "0:5")?.timestamp ?? (await browse("from=offset&partition=0&offset=5&limit=1")).messages[0]!.timestamp;
    const byTime = await browse(`from=timestamp&timestamp=${t5}&partition=0&limit=2`);
    expect(byTime.messages.map((m) => m.id)).toEqual(["0:5", "0:6"]);

    const invalid = await messagesRoute.GET(new Request(`http://127.0.0.1/api/topics/${topic}/messages?from=offset`), ctx(topic));
    expect(invalid.status).toBe(422);
  });

  it("deletes the topic, and refuses to delete Kafka's and Connect's own topics", async () => {
    const internal = await topicRoute.DELETE(new Request("http://127.0.0.1", { method: "DELETE" }), ctx("__consumer_offsets"));
    expect(internal.status).toBe(409);
    const res = await topicRoute.DELETE(new Request("http://127.0.0.1", { method: "DELETE" }), ctx(topic));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, data: { name: topic } });
    expect(await admin.listTopics()).not.toContain(topic);
    const gone = await topicRoute.DELETE(new Request("http://127.0.0.1", { method: "DELETE" }), ctx(topic));
    expect(gone.status).toBe(404);
  });
});
