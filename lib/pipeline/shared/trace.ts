// Trace a change: the shapes shared by the server (lib/pipeline/trace) and the page (components/trace). Pure.
import { z } from "zod";

/** Bounds of the waits a trace accepts (seconds): each hop has its own. */
export const EVENT_TIMEOUT_S = { min: 5, max: 300, default: 30 } as const;
export const OBJECT_TIMEOUT_S = { min: 5, max: 600, default: 60 } as const;

/** POST /api/pipeline/traces and the start form: every field optional (the console picks a sensible default). */
export const startTraceInput = z.strictObject({
  /** Connect cluster (index or slug) of the Debezium connector; with `connector`. */
  cluster: z.string().trim().min(1).max(200).optional(),
  connector: z.string().trim().min(1).max(249).optional(),
  /** A captured table as `schema.table`, as Debezium's include lists name it. */
  table: z.string().trim().min(3).max(300).regex(/^[^.\s]+\.[^.\s]+$/, "schema.table").optional(),
  eventTimeoutS: z.number().int().min(EVENT_TIMEOUT_S.min).max(EVENT_TIMEOUT_S.max).default(EVENT_TIMEOUT_S.default),
  objectTimeoutS: z.number().int().min(OBJECT_TIMEOUT_S.min).max(OBJECT_TIMEOUT_S.max).default(OBJECT_TIMEOUT_S.default),
});
export type StartTraceInput = z.input<typeof startTraceInput>;
export type StartTraceParams = z.infer<typeof startTraceInput>;

export const listTracesQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  /** Paging: traces older than this id (the previous page's nextBefore). */
  before: z.string().regex(/^\d{1,19}$/).optional(),
});

export type TraceStatus = "running" | "completed" | "stopped" | "failed" | "interrupted";

/** Hop 1: the marked change, committed in PostgreSQL. */
export interface CommitHop {
  /** clock_timestamp() as the last statement before COMMIT (PostgreSQL's clock). */
  at: string;
  txid: string;
  /** pg_current_wal_lsn() right after the commit. */
  lsn: string;
  /** The row's primary key (column → value as text) and the column that carries the marker. */
  key: Record<string, string>;
  column: string;
  noticedAt: string;
}

/** Hop 2: the Debezium event on the connector's topic. */
export interface TopicHop {
  topic: string;
  partition: number;
  offset: string;
  /** The record's timestamp as Kafka stored it (ISO). */
  brokerAt: string;
  /** The event's source.lsn (as PostgreSQL writes LSNs) and source.ts_ms. */
  lsn: string | null;
  sourceTsMs: number | null;
  op: string | null;
  noticedAt: string;
}

/** Hop 3: the object a sink wrote that holds the event. */
export interface ObjectHop {
  sink: { cluster: string; name: string };
  bucket: string;
  key: string;
  /** 1-based line number of the event in the object. */
  line: number;
  /** The object's Last-Modified as the S3 server reports it (ISO). */
  lastModified: string;
  /**
   * When the object was written, from Last-Modified: itself when the server gives milliseconds; with whole seconds
   * (S3Proxy's filesystem store) the middle of what is possible — not before the event, not after the console saw it.
   */
  writtenAt: string;
  /** Half the width of that window (0 with milliseconds). */
  writtenAtErrorMs: number;
  noticedAt: string;
}

/** A sink that reads the traced topic, with where it writes. */
export interface TraceSink {
  cluster: string;
  name: string;
  bucket: string;
  prefix: string;
}

export interface TraceHops {
  /** End offsets of the topic per partition, read before the change: the event is looked for from there on. */
  fromOffsets?: Record<string, string>;
  commit?: CommitHop;
  topic?: TopicHop;
  object?: ObjectHop;
  sinks?: TraceSink[];
  /** Where a stopped trace stopped and the page that fixes it (the cause itself is failure_code/params). */
  stopAt?: { stage: TraceStop["stage"]; link: TraceStop["link"] };
}

/** Why a trace stopped, in catalog words (trace.stops.<code>) with a link to where to act. */
export const STOP_CODES = [
  "connector_not_running",
  "table_not_in_include_list",
  "table_not_in_publication",
  "slot_inactive",
  "no_event",
  "no_sink",
  "sink_not_running",
  "not_flushed",
  "interrupted",
] as const;
export type StopCode = (typeof STOP_CODES)[number];

export interface TraceStop {
  code: StopCode;
  /** Where the trace stopped: no event (database) or no object (topic). */
  stage: "database" | "topic";
  params: Record<string, string | number>;
  link: { href: string; kind: "connector" | "doctor" | "register" } | null;
}

export interface TraceView {
  id: string;
  marker: string;
  startedBy: string | null;
  cluster: string;
  connector: string;
  table: string;
  topic: string;
  status: TraceStatus;
  hops: TraceHops;
  stop: TraceStop | null;
  /** A failure that is not a stop cause (the change could not be made, Kafka unreachable…): an AppError's code. */
  error: { code: string; params: Record<string, string | number>; message: string } | null;
  eventTimeoutS: number;
  objectTimeoutS: number;
  startedAt: string;
  endedAt: string | null;
  latency: TraceLatency;
}

export interface TraceLatency {
  /** Kafka's record timestamp − PostgreSQL's commit time. */
  commitToTopicMs: number | null;
  /** When the object was written (ObjectHop.writtenAt) − Kafka's record timestamp. */
  topicToObjectMs: number | null;
  /** The object's Last-Modified − the commit. */
  totalMs: number | null;
  /**
   * The console's own part: (noticed − system's time) summed over the hops it noticed, in ms; with the total
   * noticed time (last noticed − commit) it gives the console's share.
   */
  consoleMs: number | null;
  noticedTotalMs: number | null;
}

export interface TracePage {
  traces: TraceView[];
  nextBefore: string | null;
}

const ms = (iso: string | undefined) => (iso ? Date.parse(iso) : NaN);
const diff = (a: number, b: number) => (Number.isFinite(a) && Number.isFinite(b) ? Math.round(a - b) : null);

/** Latencies between hops from the systems' own timestamps, and the console's own share of the time. Pure. */
export function latencyOf(h: TraceHops): TraceLatency {
  const commit = ms(h.commit?.at);
  const topic = ms(h.topic?.brokerAt);
  const object = ms(h.object?.writtenAt ?? h.object?.lastModified);
  let consoleMs: number | null = null;
  if (h.topic) consoleMs = Math.max(0, ms(h.topic.noticedAt) - topic);
  if (h.object && consoleMs !== null) consoleMs += Math.max(0, ms(h.object.noticedAt) - object);
  const lastNoticed = ms(h.object?.noticedAt ?? h.topic?.noticedAt);
  return {
    commitToTopicMs: diff(topic, commit),
    topicToObjectMs: diff(object, topic),
    totalMs: diff(object, commit),
    consoleMs: consoleMs === null ? null : Math.round(consoleMs),
    noticedTotalMs: diff(lastNoticed, commit),
  };
}
