// Change events in lake files, decoded by the topic tail's own decoder (lib/debezium) so a student sees the
// same event the same way in Kafka and in S3. This adapter only adds what is lake-specific: sink lines that
// wrap the record as { value, key, offset, … }, the list of changed columns, and the captured tables' column
// types for values the sink wrote without their schema. Pure.
import "server-only";
import { decodeJson } from "../../debezium/shared/decode";
import { changedFields } from "../../debezium/shared/diff";
import type { InferredTable } from "../../debezium/shared/infer";
import type { LakeChangeEvent } from "../shared/lake-types";

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

/** Column types of captured tables, by "schema.table" (the event's `table`). */
export type InferredTables = ReadonlyMap<string, InferredTable>;

/** The change event in one parsed line of a lake file, or null when the line is not one. */
export function decodeDebezium(line: unknown, tables?: InferredTables): LakeChangeEvent | null {
  let value = line;
  let key: string | null = null;
  // The lab's sink with format.output.fields=value,key,… writes { value, key, offset, timestamp, headers }.
  if (isObject(line) && "value" in line && !("op" in line) && !("payload" in line)) {
    value = line.value;
    key = typeof line.key === "string" ? line.key : line.key == null ? null : JSON.stringify(line.key);
  }
  let decoded = decodeJson(value, { key, now: 0 });
  if (decoded.kind !== "change") return null;
  const inferred = decoded.types === "none" && decoded.table ? tables?.get(decoded.table) : undefined;
  if (inferred) decoded = decodeJson(value, { key, now: 0, inferred });
  if (decoded.kind !== "change") return null;
  // The capture latency is a live-tail figure; in a file it would only measure how old the file is.
  return { ...decoded, captureLatencyMs: null, changed: changedFields(decoded.before, decoded.after) };
}

/** The tables ("schema.table") of events that came without a schema: what to look up in PostgreSQL. */
export function tablesWithoutSchema(events: Array<LakeChangeEvent | null>): Array<{ db: string | null; schema: string; table: string }> {
  const out = new Map<string, { db: string | null; schema: string; table: string }>();
  for (const e of events) {
    if (e && e.types === "none" && e.table && e.source.schema && e.source.table) out.set(e.table, { db: e.source.db, schema: e.source.schema, table: e.source.table });
  }
  return [...out.values()];
}
