// Decoding of Kafka record values: Debezium change events (with or without JsonConverter schemas), tombstones,
// other JSON, text and bytes. Pure: the caller passes the bytes, the key and the clock.
import type { InferredTable } from "./infer";
import { parseKeyFields } from "./key";
import { convertRow, rowSchemaOf, zonelessFieldsOf, type RowSchema } from "./logical";
import { CHANGE_OPS, type ChangeEvent, type ChangeOp, type ChangeSource, type DecodedValue, type Row } from "./types";

export interface DecodeOptions {
  /** The record key as text (Debezium keys name the key columns). */
  key?: string | null;
  /** Clock for the capture latency; defaults to Date.now(). */
  now?: number;
  /** What `now` is: the console's receipt (default) or the record's Kafka timestamp. */
  latencyBasis?: "received" | "kafka";
  /** Bytes shown as hex for binary values (the rest is cut). */
  maxHexBytes?: number;
  /** For values without a schema: the captured table's column types and key (lib/debezium/shared/infer.ts). */
  inferred?: InferredTable | null;
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

function isRecord(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

/** Decoded text, or null when the bytes are not UTF-8 or hold control characters other than tab/newline. */
export function bytesToText(bytes: Uint8Array): string | null {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return null;
  }
  return /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text) ? null : text;
}

export function toHex(bytes: Uint8Array, max: number): string {
  let out = "";
  const n = Math.min(bytes.length, max);
  for (let i = 0; i < n; i++) out += (i ? " " : "") + bytes[i]!.toString(16).padStart(2, "0");
  return out;
}

/** A record value as a person should see it. `null` is a tombstone (Kafka's delete marker for compaction). */
export function decodeValue(value: Uint8Array | null, options: DecodeOptions = {}): DecodedValue {
  if (value === null) return { kind: "tombstone" };
  const text = bytesToText(value);
  if (text === null) {
    const max = options.maxHexBytes ?? 1024;
    return { kind: "binary", hex: toHex(value, max), size: value.length, truncated: value.length > max };
  }
  const trimmed = text.trimStart();
  if (trimmed.startsWith("{") || trimmed.startsWith("[") || trimmed === "null" || trimmed === "true" || trimmed === "false" || /^-?\d/.test(trimmed) || trimmed.startsWith('"')) {
    try {
      return decodeJson(JSON.parse(text), options);
    } catch {
      // not JSON after all: plain text
    }
  }
  return { kind: "text", text };
}

/** `{schema, payload}` (schemas.enable=true) or the bare payload (schemas.enable=false). */
export function unwrapEnvelope(json: unknown): { payload: unknown; schema: unknown } {
  if (isRecord(json) && "schema" in json && "payload" in json && Object.keys(json).length === 2) {
    return { payload: json.payload, schema: json.schema };
  }
  return { payload: json, schema: null };
}

export function isChangePayload(p: unknown): p is Record<string, unknown> {
  return (
    isRecord(p) &&
    typeof p.op === "string" &&
    (CHANGE_OPS as readonly string[]).includes(p.op) &&
    isRecord(p.source) &&
    ("before" in p || "after" in p || p.op === "t" || p.op === "m")
  );
}

export function decodeJson(json: unknown, options: DecodeOptions = {}): DecodedValue {
  const { payload, schema } = unwrapEnvelope(json);
  if (!isChangePayload(payload)) return { kind: "json", json };
  return decodeChange(payload, schema, options);
}

const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : typeof v === "string" && /^-?\d+$/.test(v) ? Number(v) : null);
const str = (v: unknown): string | null => (typeof v === "string" ? v : typeof v === "boolean" || typeof v === "number" ? String(v) : null);

function mapSource(s: Record<string, unknown>): ChangeSource {
  return {
    connector: str(s.connector),
    version: str(s.version),
    name: str(s.name),
    db: str(s.db),
    schema: str(s.schema),
    table: str(s.table),
    lsn: num(s.lsn),
    txId: num(s.txId),
    snapshot: str(s.snapshot),
    tsMs: num(s.ts_ms),
  };
}

/** Zero values and schema defaults: what Debezium writes in columns PostgreSQL did not send. */
function isPlaceholder(value: unknown, defaultValue: unknown): boolean {
  if (value === null || value === "" || value === 0 || value === false) return true;
  return defaultValue !== undefined && value === defaultValue;
}

function placeholderFieldsOf(op: ChangeOp, before: Row | null, keyFields: string[] | null, schema: RowSchema | null): string[] {
  if (op !== "d" || !before || !keyFields?.length) return [];
  return Object.keys(before).filter((f) => !keyFields.includes(f) && isPlaceholder(before[f], schema?.get(f)?.default));
}

function decodeChange(p: Record<string, unknown>, schema: unknown, options: DecodeOptions): ChangeEvent {
  const op = p.op as ChangeOp;
  const source = mapSource(p.source as Record<string, unknown>);
  const carried = schema ? rowSchemaOf(schema) : null;
  // Without a schema in the value (the lab's S3 sink), the captured table's column types say what each value is.
  const rowSchema = carried ?? options.inferred?.schema ?? null;
  const keyFields = parseKeyFields(options.key ?? null);
  const keyColumns = keyFields ? Object.keys(keyFields) : (options.inferred?.keyColumns ?? null);
  const rawBefore = isRecord(p.before) ? p.before : null;
  const rawAfter = isRecord(p.after) ? p.after : null;
  const table = source.table ? `${source.schema ?? source.db ?? ""}${source.schema || source.db ? "." : ""}${source.table}` : null;
  const now = options.now ?? Date.now();
  return {
    kind: "change",
    op,
    table,
    before: convertRow(rawBefore, rowSchema),
    after: convertRow(rawAfter, rowSchema),
    source,
    tsMs: num(p.ts_ms),
    captureLatencyMs: source.tsMs === null ? null : Math.max(0, now - source.tsMs),
    latencyBasis: options.latencyBasis ?? "received",
    withSchema: carried !== null,
    types: carried ? "schema" : rowSchema ? "inferred" : "none",
    placeholderFields: placeholderFieldsOf(op, rawBefore, keyColumns, rowSchema),
    zonelessFields: zonelessFieldsOf(rowSchema),
  };
}

/** PostgreSQL prints LSNs as two hex halves: 36174184 → "0/227FD68". */
export function formatLsn(lsn: number | null): string | null {
  if (lsn === null || lsn < 0) return null;
  const high = Math.floor(lsn / 2 ** 32);
  const low = lsn % 2 ** 32;
  return `${high.toString(16).toUpperCase()}/${low.toString(16).toUpperCase()}`;
}
