// What the pipeline sampler sends every viewer (GET /api/pipeline/stream) and the history route answers. Pure
// types, shared with the browser.
import type { GeneratorKind } from "../../generators/shared/params";
import type { PipelineGraph } from "./graph";

/** The live figures of one stage; a figure is null when it could not be read this time. */
export type SeriesKind = "table_rate" | "topic_rate" | "sink_lag" | "sink_objects" | "sink_bytes" | "slot_wal" | "generator_rate";

export interface SeriesPoints {
  key: string;
  kind: SeriesKind;
  /** [epoch ms, value] oldest first; value null where the sample could not be taken. */
  points: [number, number | null][];
}

export interface StageMetrics {
  /** Tables: row changes/s; topics: events/s. */
  rate?: number | null;
  /** Sinks: events in their topics not yet committed by their consumer group. */
  lag?: number | null;
  /** Sinks and buckets: objects and bytes written in the last minute (bounded listing: `truncated` when cut). */
  objects?: number | null;
  bytes?: number | null;
  truncated?: boolean;
  /** Debezium sources: the slot's WAL retained and whether a connection reads it (null: no such slot). */
  retainedBytes?: number | null;
  slotActive?: boolean | null;
}

export type HealthLevel = "ok" | "warn" | "error" | "unknown";

/** A stage's health: its cause as a catalog code (`pipeline.causes.<code>`) with params, and where to fix it. */
export interface StageHealth {
  level: HealthLevel;
  cause: { code: string; params: Record<string, string | number> } | null;
  link: string | null;
}

export interface SlotSample {
  database: string;
  slot: string;
  active: boolean;
  retainedBytes: number | null;
}

export interface GeneratorSample {
  generator: GeneratorKind;
  rate: number;
}

export interface PipelineSnapshot {
  /** Epoch ms of the sample. */
  at: number;
  intervalMs: number;
  graph: PipelineGraph;
  metrics: Record<string, StageMetrics>;
  health: Record<string, StageHealth>;
  slots: SlotSample[];
  generators: GeneratorSample[];
  /** Systems that could not be read this time, with why (English, for logs; the codes are shown translated). */
  errors: { system: "connect" | "kafka" | "postgres" | "s3"; code: string; message: string }[];
  /** The server's time to take this sample and build the graph, ms. */
  tickMs: number;
}

export interface PipelineHistory {
  series: SeriesPoints[];
  intervalMs: number;
}
