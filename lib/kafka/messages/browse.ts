import "server-only";
import { randomBytes } from "node:crypto";
import { topicOffsets, withAdmin } from "../admin";
import { assemblePage, planBrowse, type PartitionBounds, type ReadPlan } from "./browse-plan";
import type { BrowsePage, BrowseQuery } from "../shared/browse-types";
import { kafka } from "../client";
import { kafkaError, unknownTopic } from "../errors";
import type { TopicMessage } from "../shared/message-types";
import { toTopicMessage } from "./messages";
import { CONSOLE_GROUP_PREFIX } from "../topics/topics";

const READ_TIMEOUT_MS = 10_000;

/**
 * Reads the planned offset ranges with a short-lived consumer (kafkajs cannot fetch without one): a group of
 * its own that never commits, positioned by seek, disconnected and deleted as soon as the ranges are read.
 */
async function readRanges(topic: string, plan: ReadPlan): Promise<{ read: Map<number, TopicMessage[]>; incomplete: boolean }> {
  const read = new Map<number, TopicMessage[]>();
  const pending = new Map(plan.ranges.filter((r) => r.end > r.start).map((r) => [r.partition, r] as const));
  if (pending.size === 0) return { read, incomplete: false };

  const groupId = `${CONSOLE_GROUP_PREFIX}browse-${randomBytes(4).toString("hex")}`;
  const consumer = kafka().consumer({ groupId, allowAutoTopicCreation: false, maxWaitTimeInMs: 200, sessionTimeout: 30_000 });
  let finish: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (finish = resolve));
  const timer = setTimeout(() => finish(), READ_TIMEOUT_MS);
  let crash: unknown = null;
  try {
    consumer.on(consumer.events.GROUP_JOIN, () => {
      for (const r of pending.values()) consumer.seek({ topic, partition: r.partition, offset: String(r.start) });
    });
    consumer.on(consumer.events.CRASH, (e) => {
      crash = e.payload.error;
      finish();
    });
    await consumer.connect();
    await consumer.subscribe({ topics: [topic], fromBeginning: false });
    await consumer.run({
      autoCommit: false,
      eachBatch: async ({ batch }) => {
        const range = pending.get(batch.partition);
        if (!range) return;
        const now = Date.now();
        const list = read.get(batch.partition) ?? [];
        for (const m of batch.messages) {
          const o = BigInt(m.offset);
          if (o >= range.start && o < range.end) list.push(toTopicMessage(batch.partition, m, false, now, topic));
        }
        read.set(batch.partition, list);
        // lastOffset() also covers offsets that compaction or transaction markers left empty.
        if (BigInt(batch.lastOffset()) >= range.end - 1n) {
          pending.delete(batch.partition);
          if (pending.size === 0) finish();
        }
      },
    });
    await done;
    if (crash) throw crash;
  } catch (e) {
    throw kafkaError(e, `read messages of "${topic}"`);
  } finally {
    clearTimeout(timer);
    await consumer.disconnect().catch(() => undefined);
    void withAdmin("delete the browser's consumer group", (admin) => admin.deleteGroups([groupId])).catch(() => undefined);
  }
  for (const list of read.values()) list.sort((a, b) => (BigInt(a.offset) < BigInt(b.offset) ? -1 : 1));
  return { read, incomplete: pending.size > 0 };
}

/** One page of a topic's messages: from the start, the end, an offset or a timestamp, then by cursor. */
export async function browseTopic(topic: string, q: BrowseQuery): Promise<BrowsePage> {
  const { bounds, startsAt } = await withAdmin(`read the offsets of "${topic}"`, async (admin) => {
    const names = await admin.listTopics();
    if (!names.includes(topic)) throw unknownTopic(topic);
    const offsets = await topicOffsets(admin, topic);
    const bounds: PartitionBounds[] = offsets.map((o) => ({ partition: o.partition, low: BigInt(o.low), high: BigInt(o.high) })).sort((a, b) => a.partition - b.partition);
    let startsAt: Map<number, bigint> | undefined;
    if (q.from === "timestamp" && q.timestamp !== undefined && !q.after && !q.before) {
      const byTime = await admin.fetchTopicOffsetsByTimestamp(topic, q.timestamp);
      startsAt = new Map(byTime.map((o) => [o.partition, BigInt(o.offset)]));
    }
    return { bounds, startsAt };
  });
  const plan = planBrowse(q, bounds, startsAt);
  const { read, incomplete } = await readRanges(topic, plan);
  return { topic, ...assemblePage(plan, read, q.limit, bounds), incomplete };
}
