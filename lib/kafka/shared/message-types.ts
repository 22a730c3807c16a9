// What the topic browser and the live tail send to the browser for each Kafka record. Pure types.
import type { DecodedValue } from "../../debezium/shared/types";

export interface TopicMessage {
  /** "partition:offset" — also the SSE event id. */
  id: string;
  partition: number;
  offset: string;
  /** Record timestamp (ms since epoch). */
  timestamp: number;
  key: string | null;
  /** True when the key was not text and `key` holds hex. */
  keyIsBinary: boolean;
  headers: Record<string, string>;
  value: DecodedValue;
  /** Size of the raw value in bytes (0 for a tombstone). */
  size: number;
}

/** First event of every tail stream: what the hub is reading. */
export interface TailReady {
  topic: string;
  partitions: { partition: number; startOffset: string; highWatermark: string }[];
  /** Messages the server keeps for new viewers and reconnects. */
  bufferSize: number;
  /** The Last-Event-ID this stream resumes after, if any. */
  resumedAfter: string | null;
}

/** A reconnect whose resume point is older than the server's buffer: these offsets were not delivered. */
export interface TailGap {
  partition: number;
  fromOffset: string;
  toOffset: string;
  count: number;
}

/**
 * The shared consumer's link to Kafka, told to every viewer of the topic (SSE event "tail-state"): it could not
 * fetch for a while ("reconnecting", since when), or fetches again ("resumed": when, after how long, and how many
 * offsets it had to skip — records deleted by retention meanwhile; 0 is the goal, since it resumes where it stopped).
 */
export type TailKafkaState =
  | { state: "reconnecting"; since: string }
  | { state: "resumed"; at: string; downMs: number; skipped: number };

export interface TailFailure {
  code: string;
  message: string;
}

