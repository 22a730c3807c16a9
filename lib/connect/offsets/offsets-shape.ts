// The offsets a connector writes itself, so that an edit (PATCH /connectors/<n>/offsets, KIP-875) is checked
// before Connect stores it: Connect accepts any JSON for a source, and the task then FAILS on resume ("String
// cannot be cast to Number"). Shapes captured from the lab's connectors (Debezium PostgreSQL 3.6.1, Connect
// 4.3.1's sink format, FileStream). Pure.
import "server-only";
export interface OffsetEntryInput {
  partition: Record<string, unknown>;
  offset: Record<string, unknown> | null;
}

export interface OffsetProblem {
  /** invalid_offsets: a field of the wrong type or missing; unknown_offset_field: a field the connector never writes. */
  code: "invalid_offsets" | "unknown_offset_field";
  /** Where, e.g. "offsets[0].offset.lsn". */
  field: string;
  message: string;
  /** For the message catalog (errors.codes.<code>). */
  params: Record<string, string>;
}

type Kind = "integer" | "string" | "boolean" | "nullable-string";

interface Shape {
  label: string;
  partition: Record<string, Kind>;
  /** Offset fields: required ones and optional ones, each with its type. */
  required: Record<string, Kind>;
  optional: Record<string, Kind>;
  /** Optional fields recognised by prefix (Debezium's transaction and incremental-snapshot bookkeeping). */
  optionalPrefixes?: string[];
}

const DEBEZIUM_PG: Shape = {
  label: "Debezium PostgreSQL",
  partition: { server: "string" },
  required: { lsn: "integer" },
  optional: {
    lsn_proc: "integer",
    lsn_commit: "integer",
    txId: "integer",
    ts_usec: "integer",
    xmin: "integer",
    messageType: "string",
    snapshot: "string",
    snapshot_completed: "boolean",
    last_snapshot_record: "boolean",
    transaction_id: "nullable-string",
  },
  optionalPrefixes: ["transaction_", "incremental_snapshot_"],
};

// Every sink's offsets are Connect's own consumer positions (KIP-875), whatever the connector.
const SINK: Shape = { label: "a sink connector", partition: { kafka_topic: "string", kafka_partition: "integer" }, required: { kafka_offset: "integer" }, optional: {} };

const FILESTREAM: Shape = { label: "FileStream source", partition: { filename: "string" }, required: { position: "integer" }, optional: {} };

function shapeOf(connector: { className: string; type?: string | null }): Shape | null {
  if (connector.type === "sink") return SINK;
  if (connector.className === "io.debezium.connector.postgresql.PostgresConnector") return DEBEZIUM_PG;
  if (connector.className === "org.apache.kafka.connect.file.FileStreamSourceConnector") return FILESTREAM;
  return null;
}

const WHAT: Record<Kind, string> = { integer: "a non-negative integer", string: "a non-empty string", boolean: "true or false", "nullable-string": "a string or null" };

function fits(kind: Kind, v: unknown): boolean {
  if (kind === "integer") return typeof v === "number" && Number.isSafeInteger(v) && v >= 0;
  if (kind === "string") return typeof v === "string" && v.length > 0;
  if (kind === "boolean") return typeof v === "boolean";
  return v === null || typeof v === "string";
}

const shown = (v: unknown) => (v === undefined ? "nothing" : JSON.stringify(v));

function wrong(field: string, kind: Kind, shape: Shape, got: unknown, note = ""): OffsetProblem {
  return {
    code: "invalid_offsets",
    field,
    message: `${field} must be ${WHAT[kind]} for ${shape.label}${note}, got ${shown(got)}.`,
    params: { field, expected: WHAT[kind], connector: shape.label },
  };
}

function unknown(field: string, shape: Shape, known: string[]): OffsetProblem {
  return { code: "unknown_offset_field", field, message: `${field} is not a field of ${shape.label}'s offsets; its fields are ${known.join(", ")}.`, params: { field, connector: shape.label, known: known.join(", ") } };
}

/** The first problem of `offsets` for this connector, or null when they fit (or the connector is unknown). */
export function checkOffsets(connector: { className: string; type?: string | null }, offsets: OffsetEntryInput[]): OffsetProblem | null {
  const shape = shapeOf(connector);
  if (!shape) return null;
  for (const [i, entry] of offsets.entries()) {
    const at = `offsets[${i}]`;
    const partitionKeys = Object.keys(shape.partition);
    for (const [k, kind] of Object.entries(shape.partition)) {
      if (!fits(kind, entry.partition[k])) {
        return wrong(`${at}.partition.${k}`, kind, shape, entry.partition[k], ` (the partition of ${shape.label} is {${partitionKeys.join(", ")}})`);
      }
    }
    for (const k of Object.keys(entry.partition)) {
      if (!(k in shape.partition)) return unknown(`${at}.partition.${k}`, shape, partitionKeys);
    }
    // null removes the partition's offset (allowed for every connector).
    if (entry.offset === null) continue;
    for (const [k, kind] of Object.entries(shape.required)) {
      if (!fits(kind, entry.offset[k])) return wrong(`${at}.offset.${k}`, kind, shape, entry.offset[k]);
    }
    for (const [k, v] of Object.entries(entry.offset)) {
      if (k in shape.required) continue;
      const kind = shape.optional[k];
      if (kind) {
        if (!fits(kind, v)) return wrong(`${at}.offset.${k}`, kind, shape, v);
        continue;
      }
      if (shape.optionalPrefixes?.some((p) => k.startsWith(p))) continue;
      return unknown(`${at}.offset.${k}`, shape, [...Object.keys(shape.required), ...Object.keys(shape.optional)]);
    }
  }
  return null;
}
