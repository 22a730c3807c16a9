import "server-only";
import type { Admin, Kafka } from "kafkajs";
import { kafka } from "./client";
import { topicOffsets } from "./admin";

// The end offsets of many topics in one ListOffsets request per broker. kafkajs's admin asks per topic (and asks the
// earliest offsets too, one after the other), which for the overview's 50 topics every 2 s was 100 requests and
// most of the sampler's time. kafkajs 2.2.4 (pinned, unmaintained: it will not change under us) keeps the batched
// call on its internal cluster object; when that is not reachable the admin's per-topic call is used instead.

interface InternalCluster {
  connect(): Promise<void>;
  disconnect(): Promise<void>;
  addMultipleTargetTopics(topics: string[]): Promise<void>;
  findTopicPartitionMetadata(topic: string): { partitionId: number }[];
  fetchTopicsOffset(topics: { topic: string; partitions: { partition: number }[]; fromBeginning: boolean }[]): Promise<{ topic: string; partitions: { partition: number; offset: string }[] }[]>;
}

function internalCluster(client: Kafka): InternalCluster | null {
  const sym = Object.getOwnPropertySymbols(client).find((s) => s.description === "private:Kafka:createCluster");
  const make = sym ? (client as unknown as Record<symbol, unknown>)[sym] : undefined;
  if (typeof make !== "function") return null;
  const cluster = (make as (o: object) => Partial<InternalCluster>)({ allowAutoTopicCreation: false });
  const needed = ["connect", "disconnect", "addMultipleTargetTopics", "findTopicPartitionMetadata", "fetchTopicsOffset"] as const;
  return needed.every((k) => typeof cluster[k] === "function") ? (cluster as InternalCluster) : null;
}

/** topic → partition → end offset (the next offset to be written), for topics that exist. */
export async function endOffsets(admin: Admin, topics: string[]): Promise<Map<string, Map<number, number>>> {
  const out = new Map<string, Map<number, number>>();
  if (topics.length === 0) return out;
  const cluster = internalCluster(kafka());
  if (!cluster) {
    await admin.fetchTopicMetadata({ topics });
    await Promise.all(topics.map(async (t) => out.set(t, new Map((await topicOffsets(admin, t)).map((o) => [o.partition, Number(o.high)])))));
    return out;
  }
  try {
    await cluster.connect();
    await cluster.addMultipleTargetTopics(topics);
    const res = await cluster.fetchTopicsOffset(topics.map((topic) => ({ topic, fromBeginning: false, partitions: cluster.findTopicPartitionMetadata(topic).map((p) => ({ partition: p.partitionId })) })));
    for (const t of res) out.set(t.topic, new Map(t.partitions.map((p) => [p.partition, Number(p.offset)])));
    return out;
  } finally {
    await cluster.disconnect().catch(() => undefined);
  }
}
