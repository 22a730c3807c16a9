// Shapes of the Topics API, shared by route handlers and the browser. Pure types.

export interface PartitionInfo {
  partition: number;
  leader: number;
  replicas: number[];
  isr: number[];
  /** Earliest offset still stored. */
  low: string;
  /** Next offset to be written (the high watermark). */
  high: string;
}

export interface TopicSummary {
  name: string;
  internal: boolean;
  partitionCount: number;
  replicationFactor: number;
  /** Sum over partitions of high − low. */
  messages: number;
  /** True when `messages` is only an estimate (compacted topics keep fewer records than their offset range). */
  messagesEstimated: boolean;
  cleanupPolicy: string | null;
  partitions: PartitionInfo[];
  /** Partitions with fewer in-sync replicas than replicas (a broker is down or behind). */
  underReplicated: number;
  /** Partitions without a live leader: neither readable nor writable until a replica takes over. */
  offline: number;
}

/** One broker of the cluster: those that answer, and those expected (bootstrap list, replicas) that do not. */
export interface BrokerInfo {
  /** Null for a configured address no live broker has (its id is unknown). */
  id: number | null;
  /** host:port; null for a broker known only as a replica id. */
  endpoint: string | null;
  /** The active KRaft controller (as the cluster's metadata reports it). */
  controller: boolean;
  up: boolean;
  /** Partitions it leads / holds a replica of (every topic, internal ones included). */
  leaderCount: number;
  replicaCount: number;
}

export interface TopicConfigEntry {
  name: string;
  value: string | null;
  isDefault: boolean;
  readOnly: boolean;
  sensitive: boolean;
}

export interface TopicDetail extends TopicSummary {
  configs: TopicConfigEntry[];
  /** Consumer groups with committed offsets on this topic. */
  groups: ConsumerGroupSummary[];
}

export interface GroupPartitionLag {
  topic: string;
  partition: number;
  /** Committed offset, or null when the group has none for this partition. */
  committed: string | null;
  high: string;
  /** high − committed; null when nothing is committed. */
  lag: number | null;
}

export interface ConsumerGroupMember {
  memberId: string;
  clientId: string;
  clientHost: string;
  assignments: { topic: string; partitions: number[] }[];
}

export interface ConsumerGroupSummary {
  groupId: string;
  state: string;
  protocolType: string;
  members: ConsumerGroupMember[];
  lag: GroupPartitionLag[];
  totalLag: number;
}

export interface TopicsOverview {
  topics: TopicSummary[];
  groups: ConsumerGroupSummary[];
  /** Groups of the console's own tail and browser consumers, left out of `groups`. */
  consoleGroups: number;
  /** Live brokers (what a new topic's replication factor is checked against). */
  brokers: number;
  brokerList: BrokerInfo[];
}

export interface CreatedTopic {
  name: string;
  partitions: number;
  replicationFactor: number;
}
