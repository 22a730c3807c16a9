// Change events in lake files, decoded by the topic tail's own decoder (lib/debezium) so a student sees the
// same event the same way in Kafka and in S3. This adapter only adds what is lake-specific: sink lines that
// wrap the record as { value, key, offset, … }, and the list of changed columns. Pure.
import { decodeJson } from "../../debezium/decode";
import { changedFields } from "../../debezium/diff";
import type { LakeChangeEvent } from "../lake-types";

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

/** The change event in one parsed line of a lake file, or null when the line is not one. */
export function decodeDebezium(line: unknown): LakeChangeEvent | null {
  let value = line;
  let key: string | null = null;
  // The lab's sink with format.output.fields=value,key,… writes { value, key, offset, timestamp, headers }.
  if (isObject(line) && "value" in line && !("op" in line) && !("payload" in line)) {
    value = line.value;
    key = typeof line.key === "string" ? line.key : line.key == null ? null : JSON.stringify(line.key);
  }
  const decoded = decodeJson(value, { key, now: 0 });
  if (decoded.kind !== "change") return null;
  // The capture latency is a live-tail figure; in a file it would only measure how old the file is.
  return { ...decoded, captureLatencyMs: null, changed: changedFields(decoded.before, decoded.after) };
}
