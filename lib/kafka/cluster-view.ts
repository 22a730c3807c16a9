// A Kafka cluster as the console shows it: which brokers answer of those it expects, and what each leads.
// Pure (no I/O): the probe (lib/kafka/probe.ts) and the topics overview (lib/kafka/topics.ts) feed it what
// kafkajs reports; unit-tested in cluster-view.test.ts.
import "server-only";
import type { ServiceMembers } from "../shared/health-types";
import type { BrokerInfo, PartitionInfo } from "./shared/topic-types";

export interface RegisteredBroker {
  nodeId: number;
  host: string;
  port: number;
}

const endpointOf = (b: { host: string; port: number }) => `${b.host}:${b.port}`;
/** "localhost:9092" and "127.0.0.1:9092" are one broker to a person reading the list. */
const sameEndpoint = (a: string, b: string) => a.replace(/^localhost:/, "127.0.0.1:") === b.replace(/^localhost:/, "127.0.0.1:");

/**
 * The brokers expected: every one that answers (the cluster's metadata lists only live brokers), every configured
 * bootstrap address that none of them has, and every broker id a partition names as a replica without it being
 * live. A down broker's id and address are paired when exactly one of each is missing (the lab's case).
 */
export function brokerList(configured: string[], live: RegisteredBroker[], controllerId: number | null, partitions: Pick<PartitionInfo, "leader" | "replicas">[] = []): BrokerInfo[] {
  const liveIds = new Set(live.map((b) => b.nodeId));
  const leaders = new Map<number, number>();
  const replicas = new Map<number, number>();
  for (const p of partitions) {
    if (p.leader >= 0) leaders.set(p.leader, (leaders.get(p.leader) ?? 0) + 1);
    for (const r of p.replicas) replicas.set(r, (replicas.get(r) ?? 0) + 1);
  }
  const counts = (id: number) => ({ leaderCount: leaders.get(id) ?? 0, replicaCount: replicas.get(id) ?? 0 });
  const up: BrokerInfo[] = live.map((b) => ({ id: b.nodeId, endpoint: endpointOf(b), controller: b.nodeId === controllerId, up: true, ...counts(b.nodeId) }));
  const missingEndpoints = configured.filter((c) => !live.some((b) => sameEndpoint(endpointOf(b), c)));
  const missingIds = [...replicas.keys()].filter((id) => !liveIds.has(id)).sort((a, b) => a - b);
  const down: BrokerInfo[] = [];
  if (missingIds.length === 1 && missingEndpoints.length === 1) {
    down.push({ id: missingIds[0], endpoint: missingEndpoints[0], controller: false, up: false, ...counts(missingIds[0]) });
  } else {
    for (const id of missingIds) down.push({ id, endpoint: null, controller: false, up: false, ...counts(id) });
    for (const endpoint of missingEndpoints) down.push({ id: null, endpoint, controller: false, up: false, leaderCount: 0, replicaCount: 0 });
  }
  return [...up, ...down].sort((a, b) => (a.id ?? Number.MAX_SAFE_INTEGER) - (b.id ?? Number.MAX_SAFE_INTEGER));
}

/** The health strip's view of the brokers: none for a single broker (it looks as it always did). */
export function brokerMembers(brokers: BrokerInfo[]): ServiceMembers | undefined {
  if (brokers.length <= 1) return undefined;
  return {
    kind: "brokers",
    expected: brokers.length,
    up: brokers.filter((b) => b.up).length,
    // A broker known only by its address (a configured one that does not answer) is named by it.
    list: brokers.map((b) => ({ name: b.id === null ? (b.endpoint ?? "?") : String(b.id), endpoint: b.endpoint ?? "—", up: b.up })),
  };
}

/** Partitions whose in-sync replicas are fewer than their replicas, and those without a leader (unreadable). */
export function replicationHealth(partitions: Pick<PartitionInfo, "leader" | "replicas" | "isr">[], liveIds?: Set<number>): { underReplicated: number; offline: number } {
  let underReplicated = 0;
  let offline = 0;
  for (const p of partitions) {
    if (p.leader < 0 || (liveIds && !liveIds.has(p.leader))) offline++;
    else if (p.isr.length < p.replicas.length) underReplicated++;
  }
  return { underReplicated, offline };
}
