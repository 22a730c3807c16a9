import "server-only";
import { AssignerProtocol, ConfigResourceTypes, type Admin } from "kafkajs";
import { AppError } from "../../errors";
import { topicOffsets, withAdmin } from "../admin";
import { tailHub } from "../tail/hub";
import { unknownTopic } from "../errors";
import { config } from "../../config";
import { brokerList, replicationHealth } from "../cluster-view";
import { isInternalTopic } from "../shared/topic-name";
import type {
  ConsumerGroupMember,
  ConsumerGroupSummary,
  CreatedTopic,
  PartitionInfo,
  TopicConfigEntry,
  TopicDetail,
  TopicsOverview,
  TopicSummary,
} from "../shared/topic-types";

/** Consumer groups the console itself opens (tail hub, message browser): not shown as the lab's groups. */
export const CONSOLE_GROUP_PREFIX = "lab-console-";

interface TopicConfigs {
  entries: TopicConfigEntry[];
  cleanupPolicy: string | null;
}

async function fetchConfigs(admin: Admin, topics: string[]): Promise<Map<string, TopicConfigs>> {
  const out = new Map<string, TopicConfigs>();
  if (topics.length === 0) return out;
  const res = await admin.describeConfigs({ includeSynonyms: false, resources: topics.map((name) => ({ type: ConfigResourceTypes.TOPIC, name })) });
  for (const r of res.resources) {
    const entries: TopicConfigEntry[] = r.configEntries
      .map((c) => ({ name: c.configName, value: c.isSensitive ? null : c.configValue, isDefault: c.isDefault, readOnly: c.readOnly, sensitive: c.isSensitive }))
      .sort((a, b) => a.name.localeCompare(b.name));
    out.set(r.resourceName, { entries, cleanupPolicy: entries.find((e) => e.name === "cleanup.policy")?.value ?? null });
  }
  return out;
}

async function summarize(admin: Admin, names: string[], liveIds?: Set<number>): Promise<{ summaries: TopicSummary[]; configs: Map<string, TopicConfigs> }> {
  if (names.length === 0) return { summaries: [], configs: new Map() };
  const [{ topics: metadata }, configs, offsets] = await Promise.all([
    admin.fetchTopicMetadata({ topics: names }),
    fetchConfigs(admin, names),
    Promise.all(names.map(async (n) => [n, await topicOffsets(admin, n)] as const)),
  ]);
  const offsetsByTopic = new Map(offsets);
  const summaries = metadata.map((t): TopicSummary => {
    const offs = offsetsByTopic.get(t.name) ?? [];
    const partitions: PartitionInfo[] = t.partitions
      .map((p) => {
        const o = offs.find((x) => x.partition === p.partitionId);
        return { partition: p.partitionId, leader: p.leader, replicas: p.replicas, isr: p.isr, low: o?.low ?? "0", high: o?.high ?? "0" };
      })
      .sort((a, b) => a.partition - b.partition);
    const cleanupPolicy = configs.get(t.name)?.cleanupPolicy ?? null;
    const compacted = cleanupPolicy?.includes("compact") ?? false;
    return {
      name: t.name,
      internal: isInternalTopic(t.name, compacted),
      partitionCount: partitions.length,
      replicationFactor: Math.max(0, ...t.partitions.map((p) => p.replicas.length)),
      messages: partitions.reduce((sum, p) => sum + Math.max(0, Number(p.high) - Number(p.low)), 0),
      messagesEstimated: compacted,
      cleanupPolicy,
      partitions,
      ...replicationHealth(partitions, liveIds),
    };
  });
  summaries.sort((a, b) => a.name.localeCompare(b.name));
  return { summaries, configs };
}

async function describeGroupsWithLag(admin: Admin, groupIds: string[], highs: Map<string, Map<number, string>>): Promise<ConsumerGroupSummary[]> {
  if (groupIds.length === 0) return [];
  const { groups } = await admin.describeGroups(groupIds);
  const result = await Promise.all(
    groups.map(async (g): Promise<ConsumerGroupSummary> => {
      const members: ConsumerGroupMember[] = g.members.map((m) => {
        let assignments: { topic: string; partitions: number[] }[] = [];
        if (g.protocolType === "consumer" && m.memberAssignment?.length) {
          try {
            const decoded = AssignerProtocol.MemberAssignment.decode(m.memberAssignment);
            assignments = Object.entries(decoded?.assignment ?? {}).map(([topic, partitions]) => ({ topic, partitions: [...partitions].sort((a, b) => a - b) }));
          } catch {
            // not the classic consumer protocol's assignment: show no assignment
          }
        }
        return { memberId: m.memberId, clientId: m.clientId, clientHost: m.clientHost, assignments };
      });
      const lag: ConsumerGroupSummary["lag"] = [];
      if (g.protocolType === "consumer" || g.protocolType === "") {
        const committed = await admin.fetchOffsets({ groupId: g.groupId });
        for (const t of committed) {
          for (const p of t.partitions) {
            const high = highs.get(t.topic)?.get(p.partition);
            if (high === undefined) continue;
            const has = Number(p.offset) >= 0;
            lag.push({ topic: t.topic, partition: p.partition, committed: has ? p.offset : null, high, lag: has ? Math.max(0, Number(high) - Number(p.offset)) : null });
          }
        }
      }
      lag.sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
      return { groupId: g.groupId, state: g.state, protocolType: g.protocolType, members, lag, totalLag: lag.reduce((s, l) => s + (l.lag ?? 0), 0) };
    }),
  );
  return result.sort((a, b) => a.groupId.localeCompare(b.groupId));
}

function highsOf(summaries: TopicSummary[]): Map<string, Map<number, string>> {
  return new Map(summaries.map((t) => [t.name, new Map(t.partitions.map((p) => [p.partition, p.high]))]));
}

/** Every topic with partitions, offsets and counts, the lab's consumer groups with lag, and the broker count. */
export async function topicsOverview(): Promise<TopicsOverview> {
  return withAdmin("list the topics", async (admin) => {
    const [names, { groups: groupList }, cluster] = await Promise.all([admin.listTopics(), admin.listGroups(), admin.describeCluster()]);
    const { summaries } = await summarize(admin, names, new Set(cluster.brokers.map((b) => b.nodeId)));
    const labGroups = groupList.filter((g) => !g.groupId.startsWith(CONSOLE_GROUP_PREFIX)).map((g) => g.groupId);
    const groups = await describeGroupsWithLag(admin, labGroups, highsOf(summaries));
    const partitions = summaries.flatMap((t) => t.partitions);
    return {
      topics: summaries,
      groups,
      consoleGroups: groupList.length - labGroups.length,
      brokers: cluster.brokers.length,
      brokerList: brokerList(config().kafka.brokers, cluster.brokers, cluster.controller, partitions),
    };
  });
}

/** One topic: its summary, configuration and the consumer groups reading it. */
export async function describeTopic(topic: string): Promise<TopicDetail> {
  return withAdmin(`describe topic "${topic}"`, async (admin) => {
    const names = await admin.listTopics();
    if (!names.includes(topic)) throw unknownTopic(topic);
    const cluster = await admin.describeCluster();
    const { summaries, configs } = await summarize(admin, [topic], new Set(cluster.brokers.map((b) => b.nodeId)));
    const summary = summaries[0];
    if (!summary) throw unknownTopic(topic);
    const { groups: groupList } = await admin.listGroups();
    const candidates = groupList.filter((g) => !g.groupId.startsWith(CONSOLE_GROUP_PREFIX)).map((g) => g.groupId);
    const groups = (await describeGroupsWithLag(admin, candidates, highsOf(summaries))).filter(
      (g) => g.lag.some((l) => l.topic === topic) || g.members.some((m) => m.assignments.some((a) => a.topic === topic)),
    );
    return {
      ...summary,
      configs: configs.get(topic)?.entries ?? [],
      groups: groups.map((g) => ({ ...g, lag: g.lag.filter((l) => l.topic === topic), totalLag: g.lag.filter((l) => l.topic === topic).reduce((s, l) => s + (l.lag ?? 0), 0) })),
    };
  });
}

export async function createTopic(input: { name: string; partitions: number; replicationFactor: number }): Promise<CreatedTopic> {
  return withAdmin(`create topic "${input.name}"`, async (admin) => {
    // Checked first so the answer names the number of brokers (Kafka's own error does not).
    const { brokers } = await admin.describeCluster();
    if (input.replicationFactor > brokers.length) {
      throw new AppError(
        422,
        "replication_factor_above_brokers",
        `Cannot create topic "${input.name}" with replication factor ${input.replicationFactor}: the cluster has ${brokers.length} broker${brokers.length === 1 ? "" : "s"}, and each copy needs its own. Use a replication factor of at most ${brokers.length}.`,
        "kafka",
        { params: { topic: input.name, replicationFactor: input.replicationFactor, brokerCount: brokers.length } },
      );
    }
    const created = await admin.createTopics({
      waitForLeaders: true,
      topics: [{ topic: input.name, numPartitions: input.partitions, replicationFactor: input.replicationFactor }],
    });
    if (!created) {
      throw new AppError(409, "topic_exists", `Topic "${input.name}" already exists. Pick another name or open the existing topic.`, "kafka", { params: { topic: input.name } });
    }
    // Viewers waiting on a topic that did not exist yet find it now.
    tailHub().topicCreated();
    return { name: input.name, partitions: input.partitions, replicationFactor: input.replicationFactor };
  });
}

export async function deleteTopic(topic: string): Promise<{ name: string }> {
  return withAdmin(`delete topic "${topic}"`, async (admin) => {
    const names = await admin.listTopics();
    if (!names.includes(topic)) throw unknownTopic(topic);
    const configs = await fetchConfigs(admin, [topic]);
    if (isInternalTopic(topic, configs.get(topic)?.cleanupPolicy?.includes("compact") ?? false)) {
      throw new AppError(
        409,
        "internal_topic",
        `Topic "${topic}" belongs to Kafka or Kafka Connect (offsets, configs or status storage); deleting it breaks the lab. Delete the connector instead if you want its data gone.`,
        "kafka",
        { params: { topic } },
      );
    }
    await admin.deleteTopics({ topics: [topic], timeout: 10_000 });
    // Its viewers are told, and its shared consumer closed.
    tailHub().topicDeleted(topic);
    return { name: topic };
  });
}
