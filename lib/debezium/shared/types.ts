// Shapes of decoded Kafka record values, shared by the server (tail hub, message browser) and the browser.
// Pure types: no I/O anywhere in lib/debezium.

/** Debezium operations: create, update, delete, read (snapshot), truncate, message (logical decoding message). */
export type ChangeOp = "c" | "u" | "d" | "r" | "t" | "m";
export const CHANGE_OPS: readonly ChangeOp[] = ["c", "u", "d", "r", "t", "m"];

export type Row = Record<string, unknown>;

/** The part of Debezium's `source` block a person needs to place an event in the database's history. */
export interface ChangeSource {
  connector: string | null;
  version: string | null;
  /** The connector's logical name (its topic.prefix). */
  name: string | null;
  db: string | null;
  schema: string | null;
  table: string | null;
  /** PostgreSQL log sequence number of the change, as Debezium reports it (a number) — shown also as X/Y. */
  lsn: number | null;
  txId: number | null;
  /** "true", "first", "last", "false", "incremental"… — anything but false means "came from a snapshot". */
  snapshot: string | null;
  /** When the change happened in the database (commit time). */
  tsMs: number | null;
}

export interface ChangeEvent {
  kind: "change";
  op: ChangeOp;
  /** "schema.table" (or db.table for connectors without schemas); null when the source does not say. */
  table: string | null;
  before: Row | null;
  after: Row | null;
  source: ChangeSource;
  /** When Debezium processed the event. */
  tsMs: number | null;
  /**
   * How long the change took from the database's commit (source.ts_ms): until the console received it
   * (basis "received": now − source.ts_ms, for live events) or until Kafka stored it (basis "kafka": record
   * timestamp − source.ts_ms, for events read from history, where "now" would only measure their age).
   */
  captureLatencyMs: number | null;
  latencyBasis: "received" | "kafka";
  /** True when the value carried a schema (JsonConverter schemas.enable=true); dates were then decoded. */
  withSchema: boolean;
  /**
   * Where the logical types came from: the value's own schema, the captured table's column types in PostgreSQL
   * (values written without a schema, as the lab's S3 sink does), or nowhere (numbers shown as they came).
   */
  types: "schema" | "inferred" | "none";
  /**
   * Fields of `before` that are probably placeholders: on a delete, a table without REPLICA IDENTITY FULL
   * only sends its key columns and Debezium fills the others with empty/zero/default values.
   */
  placeholderFields: string[];
  /** Columns whose times have no time zone (`timestamp without time zone`: the database's wall clock). */
  zonelessFields: string[];
}

/** A record value, decoded as far as we can: a change event, JSON, text, or bytes. */
export type DecodedValue =
  | ChangeEvent
  | { kind: "tombstone" }
  | { kind: "json"; json: unknown }
  | { kind: "text"; text: string }
  | { kind: "binary"; hex: string; size: number; truncated: boolean };
