// The live tail through a Kafka outage (vitest project "faults": it stops the lab's Kafka broker). What a viewer
// notices: the stream says "reconnecting" while the shared consumer cannot fetch, then "resumed" with no offset
// skipped, and every message arrives exactly once — before, during (produced after the restart) and after.
import { randomBytes } from "node:crypto";
import { Kafka, logLevel, Partitioners } from "kafkajs";
import { afterAll, describe, expect, it } from "vitest";
import { printRecoveryTable, recordRecovery, withOutage } from "../../../test/faults";
import { readLabEndpoints } from "../../config-core";
import type { TailKafkaState, TopicMessage } from "../shared/message-types";
import { SseReader, type SseMessage } from "@/test/sse-test-client";

process.env.TAIL_BACKFILL = "0";
process.env.TAIL_FLUSH_MS = "5";

const { GET: tailGET } = await import("@/app/api/topics/[topic]/tail/route");
const { tailHub } = await import("./hub");

const brokers = (process.env.KAFKA_BROKERS ?? readLabEndpoints().KAFKA_BROKERS ?? "127.0.0.1:9092").split(",");
const kafka = new Kafka({ clientId: "tail-outage-fault", brokers, logLevel: logLevel.NOTHING, retry: { retries: 30, maxRetryTime: 2_000 } });
const topic = `faults-tail-${randomBytes(3).toString("hex")}`;

afterAll(async () => {
  printRecoveryTable();
  await tailHub().closeAll();
  const admin = kafka.admin();
  await admin.connect();
  await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
  await admin.disconnect();
});

const keysOf = (events: SseMessage[]) => events.filter((e) => e.event === "message").map((e) => (JSON.parse(e.data) as TopicMessage).key);
const states = (events: SseMessage[]) => events.filter((e) => e.event === "tail-state").map((e) => JSON.parse(e.data) as TailKafkaState);

describe("the live tail and Kafka going down", () => {
  it("says reconnecting, then resumed with 0 offsets skipped, and loses or repeats no message", async () => {
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: 2 }] });
    await admin.disconnect();
    const abort = new AbortController();
    const res = await tailGET(new Request(`http://console.test/api/topics/${topic}/tail`, { signal: abort.signal }), { params: Promise.resolve({ topic }) });
    expect(res.status).toBe(200);
    const reader = new SseReader(res.body!);
    const seen: SseMessage[] = [];
    const take = async (until: (all: SseMessage[]) => boolean, ms: number) => seen.push(...(await reader.collect((_e, all) => until([...seen, ...all]), ms)));
    await take((all) => all.some((e) => e.event === "ready"), 30_000);

    const send = async (from: number, n: number) => {
      const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner, allowAutoTopicCreation: false });
      await producer.connect();
      await producer.send({ topic, messages: Array.from({ length: n }, (_, i) => ({ key: `k${from + i}`, value: JSON.stringify({ n: from + i }) })) });
      await producer.disconnect();
    };
    await send(0, 300);
    await take((all) => keysOf(all).length >= 300, 20_000);

    try {
      await withOutage("kafka", async ({ stop, restore }) => {
        await stop();
        await take((all) => states(all).some((s) => s.state === "reconnecting"), 30_000);
        const back = await restore();
        await take((all) => states(all).some((s) => s.state === "resumed"), 90_000);
        recordRecovery("kafka", "tail stream says resumed", performance.now() - back);
      });
      await send(300, 300);
      await take((all) => keysOf(all).length >= 600, 60_000);
    } finally {
      abort.abort();
      await reader.cancel();
    }
    const keys = keysOf(seen);
    expect(keys.length).toBe(600);
    expect(new Set(keys).size).toBe(600);
    const [down, up] = states(seen);
    expect(down?.state).toBe("reconnecting");
    expect(up).toMatchObject({ state: "resumed", skipped: 0 });
    // the badge's order: messages before the outage, "reconnecting", "resumed", then the new ones
    const order = seen.filter((e) => e.event === "tail-state" || e.event === "message").map((e) => e.event);
    expect(order.indexOf("tail-state")).toBe(300);
  });
});
