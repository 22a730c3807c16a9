// The live tail written to the socket itself, as on the console's own server: a real Node HTTP server with the
// console's server hooks (lib/http/node-server.ts), the real tail route handler, its Response piped by Next.js's
// own pipeToNodeResponse (what `next start` does with a route's body), clients over TCP, and a real Kafka broker.
import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { Kafka, logLevel, type Admin, type Producer } from "kafkajs";
import { pipeToNodeResponse } from "next/dist/server/pipe-readable";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readLabEndpoints } from "../../config-core";
import type { TopicMessage } from "../shared/message-types";
import { SseReader } from "@/test/sse-test-client";

process.env.TAIL_BACKFILL = "0";
process.env.TAIL_VIEWER_QUEUE = "2000";
process.env.TAIL_IDLE_CLOSE_MS = "1000";

const { installNodeServerHooks } = await import("../../http/node-server");
const { GET: tailGET } = await import("@/app/api/topics/[topic]/tail/route");
const { tailHub } = await import("./hub");

const brokers = (process.env.KAFKA_BROKERS ?? readLabEndpoints().KAFKA_BROKERS ?? "127.0.0.1:9092").split(",");
const kafka = new Kafka({ clientId: "tail-socket-integ", brokers, logLevel: logLevel.NOTHING });
const topic = `topics-integ-tail-socket-${randomBytes(3).toString("hex")}`;
let admin: Admin;
let producer: Producer;
let server: http.Server;
let base = "";

/** A viewer over TCP; `paused`: its socket is not read until resume() (a client that cannot keep up). */
function openViewer(paused = false): Promise<{ res: http.IncomingMessage; reader: () => SseReader; close: () => void }> {
  return new Promise((resolve, reject) => {
    const req = http.get(`${base}/api/topics/${topic}/tail`, { headers: { accept: "text/event-stream" }, agent: false }, (res) => {
      expect(res.statusCode).toBe(200);
      expect(res.headers["content-type"]).toContain("text/event-stream");
      if (paused) res.pause();
      resolve({ res, reader: () => new SseReader(Readable.toWeb(res) as ReadableStream<Uint8Array>), close: () => req.destroy() });
    });
    req.on("error", reject);
  });
}

const messagesOf = (events: { event: string; data: string }[]) => events.filter((e) => e.event === "message").map((e) => JSON.parse(e.data) as TopicMessage);

/** `count` records of ~padBytes each, paced at ~2,000 records a second: a live topic, not one burst. */
async function produce(count: number, tag: string, padBytes = 0): Promise<string[]> {
  const keys = Array.from({ length: count }, (_, i) => `${tag}-${i}`);
  const pad = "x".repeat(padBytes);
  for (let i = 0; i < keys.length; i += 500) {
    if (i > 0) await new Promise((r) => setTimeout(r, 250));
    await producer.send({ topic, messages: keys.slice(i, i + 500).map((key) => ({ key, value: JSON.stringify({ key, pad }) })) });
  }
  return keys;
}

async function topicStats() {
  return tailHub().stats().topics.find((t) => t.topic === topic);
}

beforeAll(async () => {
  admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: 1 }] });
  producer = kafka.producer({ allowAutoTopicCreation: false });
  await producer.connect();
  installNodeServerHooks();
  server = http.createServer(async (req, res) => {
    const name = /^\/api\/topics\/([^/]+)\/tail$/.exec(req.url ?? "")?.[1] ?? "";
    const abort = new AbortController();
    res.on("close", () => abort.abort());
    const response = await tailGET(new Request(`http://console.test${req.url}`, { headers: req.headers as Record<string, string>, signal: abort.signal }), { params: Promise.resolve({ topic: name }) });
    // What Next.js's sendResponse does: status and headers first, then the body piped.
    res.statusCode = response.status;
    response.headers.forEach((value, key) => res.setHeader(key, value));
    if (response.body) await pipeToNodeResponse(response.body, res);
    else res.end();
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await tailHub().closeAll();
  server?.closeAllConnections();
  await new Promise((r) => server?.close(r));
  await producer?.disconnect();
  await admin?.deleteTopics({ topics: [topic] }).catch(() => undefined);
  await admin?.disconnect();
});

describe("live tail written to the socket", () => {
  it("writes to each viewer's socket itself: complete and in order, while a paused client is bounded and told what it missed", async () => {
    const fast = await openViewer();
    const slow = await openViewer(true);
    const fastReader = fast.reader();
    await fastReader.collect((e) => e.event === "ready", 20_000);
    await expect.poll(async () => (await topicStats())?.viewersOnSocket, { timeout: 10_000 }).toBe(2);

    // ~20 MB: more than loopback's socket buffers hold (a few MB), so the paused client's socket stops taking
    // writes and its queue (2,000 records) overflows; the fast one still gets every record, in order.
    const count = 20_000;
    let seen = 0;
    const reading = fastReader.collect((e) => e.event === "message" && ++seen >= count, 60_000);
    const keys = await produce(count, "socket", 1000);
    const got = messagesOf(await reading);
    expect(got.map((m) => m.key)).toEqual(keys);

    slow.res.resume();
    const slowReader = slow.reader();
    const events = await slowReader.collect((e) => e.event === "skipped", 30_000);
    const skipped = JSON.parse(events.at(-1)!.data) as { count: number };
    const delivered = messagesOf(events);
    expect(skipped.count).toBeGreaterThan(0);
    expect(delivered.length + skipped.count).toBe(keys.length);
    expect(delivered.map((m) => m.key)).toEqual(keys.slice(0, delivered.length));
    // Caught up again, it carries on with what comes next.
    const next = slowReader.collect((e) => e.event === "message", 20_000);
    await produce(1, "after");
    expect(messagesOf(await next).at(-1)?.key).toBe("after-0");

    fast.close();
    slow.close();
    await expect.poll(async () => (await topicStats())?.viewers ?? 0, { timeout: 10_000 }).toBe(0);
  }, 120_000);
});
