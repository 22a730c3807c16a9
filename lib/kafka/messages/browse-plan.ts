// The message browser's arithmetic: which offsets to read for a page, and how to cut and merge what was read
// into a page with cursors to its neighbours. Pure (lib/kafka/messages/browse.ts does the reading).
import "server-only";
import type { BrowsePartition, BrowseQuery } from "../shared/browse-types";
import type { TopicMessage } from "../shared/message-types";

export interface PartitionBounds {
  partition: number;
  low: bigint;
  high: bigint;
}

export interface ReadRange {
  partition: number;
  /** First offset to read. */
  start: bigint;
  /** Offset after the last one to read. */
  end: bigint;
}

export interface ReadPlan {
  /** forward: the page is the oldest `limit` of the ranges; backward: the newest `limit`. */
  direction: "forward" | "backward";
  ranges: ReadRange[];
}

const clamp = (v: bigint, lo: bigint, hi: bigint) => (v < lo ? lo : v > hi ? hi : v);
const max = (a: bigint, b: bigint) => (a > b ? a : b);
const min = (a: bigint, b: bigint) => (a < b ? a : b);

/**
 * `startsAt` is needed for from=timestamp: the first offset at or after the timestamp, per partition
 * (Kafka's ListOffsets answer; the high watermark when no message is that recent).
 */
export function planBrowse(q: BrowseQuery, bounds: PartitionBounds[], startsAt?: Map<number, bigint>): ReadPlan {
  const limit = BigInt(q.limit);
  const chosen = bounds.filter((b) => q.partition === undefined || b.partition === q.partition);
  if (q.before || (!q.after && q.from === "latest")) {
    const ranges = chosen.map((b) => {
      const end = clamp(q.before?.get(b.partition) ?? b.high, b.low, b.high);
      return { partition: b.partition, start: max(b.low, end - limit), end };
    });
    return { direction: "backward", ranges };
  }
  const ranges = chosen.map((b) => {
    let start: bigint;
    if (q.after) start = q.after.get(b.partition) ?? b.high;
    else if (q.from === "earliest") start = b.low;
    else if (q.from === "offset") start = BigInt(q.offset ?? "0");
    else start = startsAt?.get(b.partition) ?? b.high;
    start = clamp(start, b.low, b.high);
    return { partition: b.partition, start, end: min(b.high, start + limit) };
  });
  return { direction: "forward", ranges };
}

/** Merges partitions by timestamp without ever reordering messages of one partition. */
export function mergeByTimestamp(perPartition: TopicMessage[][]): TopicMessage[] {
  const heads = perPartition.map(() => 0);
  const out: TopicMessage[] = [];
  for (;;) {
    let best = -1;
    for (let i = 0; i < perPartition.length; i++) {
      const m = perPartition[i]![heads[i]!];
      if (!m) continue;
      const b = best >= 0 ? perPartition[best]![heads[best]!]! : null;
      if (!b || m.timestamp < b.timestamp || (m.timestamp === b.timestamp && m.partition < b.partition)) best = i;
    }
    if (best < 0) return out;
    out.push(perPartition[best]![heads[best]!++]!);
  }
}

const cursorOf = (m: Map<number, bigint>) => [...m].sort((a, b) => a[0] - b[0]).map(([p, o]) => `${p}:${o}`).join(",");

/** Cuts the read messages into the page and computes the cursors of the pages around it. */
export function assemblePage(
  plan: ReadPlan,
  read: Map<number, TopicMessage[]>,
  limit: number,
  bounds: PartitionBounds[],
): { messages: TopicMessage[]; partitions: BrowsePartition[]; after: string | null; before: string | null } {
  const merged = mergeByTimestamp(plan.ranges.map((r) => (read.get(r.partition) ?? []).filter((m) => BigInt(m.offset) >= r.start && BigInt(m.offset) < r.end)));
  const messages = plan.direction === "forward" ? merged.slice(0, limit) : merged.slice(Math.max(0, merged.length - limit));
  const first = new Map<number, bigint>();
  const last = new Map<number, bigint>();
  for (const m of messages) {
    const o = BigInt(m.offset);
    if (!first.has(m.partition)) first.set(m.partition, o);
    last.set(m.partition, o);
  }
  const nextStarts = new Map<number, bigint>();
  const prevEnds = new Map<number, bigint>();
  const partitions: BrowsePartition[] = [];
  for (const r of plan.ranges) {
    const b = bounds.find((x) => x.partition === r.partition)!;
    // Forward pages keep a prefix of each partition's range, backward pages a suffix.
    const next = last.has(r.partition) ? last.get(r.partition)! + 1n : plan.direction === "forward" ? r.start : r.end;
    const prev = first.has(r.partition) ? first.get(r.partition)! : plan.direction === "forward" ? r.start : r.end;
    nextStarts.set(r.partition, next);
    prevEnds.set(r.partition, prev);
    partitions.push({ partition: r.partition, low: String(b.low), high: String(b.high), start: String(r.start), next: String(next) });
  }
  const anyNewer = plan.ranges.some((r) => nextStarts.get(r.partition)! < bounds.find((b) => b.partition === r.partition)!.high);
  const anyOlder = plan.ranges.some((r) => prevEnds.get(r.partition)! > bounds.find((b) => b.partition === r.partition)!.low);
  return { messages, partitions, after: anyNewer ? cursorOf(nextStarts) : null, before: anyOlder ? cursorOf(prevEnds) : null };
}
