// The live tail's shapes, shared by its three parts: the viewer (one browser connection and its bounded queue),
// the topic tail (one Kafka consumer and ring buffer per watched topic) and the hub (every topic, the limits,
// the figures). Types only.
import "server-only";
import type { TopicMessage } from "../shared/message-types";
import type { TailFilter } from "../shared/tail-filter";

export interface HubOptions {
  /** Messages kept per topic for new viewers and resumes. */
  ringSize: number;
  /** Messages a viewer may have waiting before new ones are dropped for it. */
  viewerQueue: number;
  /** How long a topic's consumer stays open after its last viewer left. */
  idleCloseMs: number;
  /** Comment lines sent to idle streams so proxies and browsers keep them open. */
  heartbeatMs: number;
  /** Fan-out batching: viewers are woken at most this often (one write per viewer per flush); more seldom with many viewers (topic-tail.ts). */
  flushMs: number;
  /** Messages read from before the first viewer arrived, spread over the partitions (at most ringSize). */
  backfill: number;
  /** Viewers over all topics; beyond this new streams get 503. */
  maxViewers: number;
}

export type TailState = "starting" | "running" | "closing" | "closed" | "failed";

export interface TopicTailStats {
  topic: string;
  state: TailState;
  groupId: string;
  viewers: number;
  /** Viewers whose records the server writes to the socket itself (lib/http/node-server.ts), not through a Web stream. */
  viewersOnSocket: number;
  buffered: number;
  /** Records read from Kafka since the consumer opened. */
  received: number;
  /** Messages dropped for slow viewers since the consumer opened. */
  skipped: number;
  partitions: number;
}

export interface HubStats {
  /** Kafka consumers open right now (one per watched topic). */
  consumersOpen: number;
  /** Consumers opened since the server started. */
  consumersOpenedTotal: number;
  /** Consumers opened per topic since the server started. */
  consumersOpenedByTopic: Record<string, number>;
  viewers: number;
  /** Read from Kafka → written to a viewer's response, over the last writes (ms). */
  fanoutDelayMs: { p50: number | null; p99: number | null; samples: number };
  topics: TopicTailStats[];
  options: HubOptions;
}

/** One record as the tail keeps it: decoded and framed once, for every viewer. */
export interface TailEntry {
  partition: number;
  offset: bigint;
  message: TopicMessage;
  /** The SSE frame, encoded once for every viewer. */
  frame: Uint8Array;
  /** performance.now() when the hub read it from Kafka. */
  receivedAt: number;
}

/**
 * What a viewer's queue holds: the frames of one or more records, ready to write. The records a flush read are
 * one chunk, encoded once and shared by every viewer without a filter.
 */
export interface Chunk {
  bytes: Uint8Array;
  /** Records in it (its weight against the viewer's queue). */
  count: number;
  /** receivedAt of its oldest record. */
  receivedAt: number;
}

/** A flush's records as one shared chunk, with the entries it came from (for a viewer that can take only some). */
export interface Batch extends Chunk {
  entries: TailEntry[];
}

/** Where a reconnecting browser left off (its Last-Event-ID). */
export interface ResumePoint {
  id: string;
  partition: number;
  offset: bigint;
}

export interface OpenTailOptions {
  filter: TailFilter;
  /** Last-Event-ID ("partition:offset") of a reconnecting browser. */
  lastEventId?: string | null;
  /** Closes the stream (the request's signal). */
  signal?: AbortSignal;
}
