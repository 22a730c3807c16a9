// Kafka Connect / Debezium logical types: with schemas.enable=true the value's schema names each column's
// semantic type, so a DATE (days since epoch) can be shown as 1990-05-17 instead of 7441. Pure.

export interface FieldSchema {
  type: string;
  /** Logical type name, e.g. "io.debezium.time.Date". */
  name?: string;
  default?: unknown;
  optional?: boolean;
  parameters?: Record<string, string>;
}

export type RowSchema = Map<string, FieldSchema>;

interface ConnectSchema {
  type?: string;
  name?: string;
  field?: string;
  default?: unknown;
  optional?: boolean;
  parameters?: Record<string, string>;
  fields?: ConnectSchema[];
}

/** Column schemas of the envelope's `before`/`after` struct (they are the same), or null. */
export function rowSchemaOf(envelopeSchema: unknown): RowSchema | null {
  const s = envelopeSchema as ConnectSchema | null;
  if (!s || typeof s !== "object" || !Array.isArray(s.fields)) return null;
  const rowStruct = s.fields.find((f) => f.field === "after" && Array.isArray(f.fields)) ?? s.fields.find((f) => f.field === "before" && Array.isArray(f.fields));
  if (!rowStruct?.fields) return null;
  const out: RowSchema = new Map();
  for (const f of rowStruct.fields) {
    if (typeof f.field !== "string" || typeof f.type !== "string") continue;
    out.set(f.field, { type: f.type, name: f.name, default: f.default, optional: f.optional, parameters: f.parameters });
  }
  return out;
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** Epoch microseconds → "YYYY-MM-DD HH:MM:SS.ffffff" in UTC (Debezium encodes wall-clock times as UTC). */
function formatMicros(micros: number, fractionDigits: number): string {
  const ms = Math.floor(micros / 1000);
  const d = new Date(ms);
  const frac = String(((micros % 1_000_000) + 1_000_000) % 1_000_000).padStart(6, "0").slice(0, fractionDigits);
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  const time = `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  return fractionDigits > 0 ? `${date} ${time}.${frac}` : `${date} ${time}`;
}

function formatTimeOfDayMicros(micros: number): string {
  const total = Math.floor(micros / 1_000_000);
  const frac = String(micros % 1_000_000).padStart(6, "0");
  return `${pad(Math.floor(total / 3600))}:${pad(Math.floor(total / 60) % 60)}:${pad(total % 60)}.${frac}`;
}

/** Connect's Decimal: big-endian two's-complement unscaled value, base64 in JSON, with a `scale` parameter. */
function decodeDecimal(base64: string, scale: number): string | null {
  let bytes: number[];
  try {
    bytes = Array.from(atob(base64), (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
  if (bytes.length === 0) return null;
  let n = 0n;
  for (const b of bytes) n = (n << 8n) | BigInt(b);
  if (bytes[0]! & 0x80) n -= 1n << BigInt(bytes.length * 8);
  const negative = n < 0n;
  const digits = (negative ? -n : n).toString().padStart(scale + 1, "0");
  const whole = scale > 0 ? `${digits.slice(0, -scale)}.${digits.slice(-scale)}` : digits;
  return negative ? `-${whole}` : whole;
}

/** One column value, shown the way the database would print it when the schema names its logical type. */
export function convertLogical(value: unknown, field: FieldSchema | undefined): unknown {
  if (value === null || value === undefined || !field?.name) return value;
  switch (field.name) {
    case "io.debezium.time.Date":
    case "org.apache.kafka.connect.data.Date":
      return typeof value === "number" ? formatMicros(value * 86_400_000_000, 0).slice(0, 10) : value;
    case "io.debezium.time.Timestamp":
    case "org.apache.kafka.connect.data.Timestamp":
      return typeof value === "number" ? formatMicros(value * 1000, 3) : value;
    case "io.debezium.time.MicroTimestamp":
      return typeof value === "number" ? formatMicros(value, 6) : value;
    case "io.debezium.time.NanoTimestamp":
      return typeof value === "number" ? formatMicros(Math.floor(value / 1000), 6) : value;
    case "io.debezium.time.Time":
    case "org.apache.kafka.connect.data.Time":
      return typeof value === "number" ? formatTimeOfDayMicros(value * 1000).slice(0, 12) : value;
    case "io.debezium.time.MicroTime":
      return typeof value === "number" ? formatTimeOfDayMicros(value) : value;
    case "io.debezium.time.NanoTime":
      return typeof value === "number" ? formatTimeOfDayMicros(Math.floor(value / 1000)) : value;
    case "org.apache.kafka.connect.data.Decimal":
      return typeof value === "string" ? (decodeDecimal(value, Number(field.parameters?.scale ?? 0)) ?? value) : value;
    default:
      return value;
  }
}

export function convertRow(row: Record<string, unknown> | null, schema: RowSchema | null): Record<string, unknown> | null {
  if (!row || !schema) return row;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) out[k] = convertLogical(v, schema.get(k));
  return out;
}

/** Logical types of wall-clock values with no time zone (PostgreSQL's `timestamp`/`time without time zone`). */
const ZONELESS = new Set([
  "io.debezium.time.Timestamp",
  "org.apache.kafka.connect.data.Timestamp",
  "io.debezium.time.MicroTimestamp",
  "io.debezium.time.NanoTimestamp",
  "io.debezium.time.Time",
  "org.apache.kafka.connect.data.Time",
  "io.debezium.time.MicroTime",
  "io.debezium.time.NanoTime",
]);

/** The columns whose decoded times are the database's wall clock without a zone: the UI labels them so. */
export function zonelessFieldsOf(schema: RowSchema | null): string[] {
  if (!schema) return [];
  return [...schema].filter(([, f]) => f.name !== undefined && ZONELESS.has(f.name)).map(([name]) => name);
}
