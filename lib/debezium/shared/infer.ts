// Logical types inferred from the captured table: the lab's S3 sink writes Debezium values without their
// JsonConverter schema, so a DATE arrives as 7441 (days since epoch) and a TIMESTAMP as µs since epoch. The
// source table's column types in PostgreSQL say what each number is. Shared by the lake preview (lib/s3/preview)
// and the SQL helper (lib/sql), so both decode the same value the same way. Pure.
import type { RowSchema } from "./logical";

/** A column of the captured table as information_schema describes it. */
export interface CapturedColumn {
  name: string;
  /** information_schema.columns.data_type ("date", "timestamp without time zone", …). */
  type: string;
  /** numeric_precision for numeric, datetime_precision for times. */
  precision: number | null;
  scale: number | null;
  /** Part of the primary key (Debezium's record key). */
  key?: boolean;
  /** The column default's SQL text (`'M'::bpchar`), for placeholders on deletes. */
  defaultSql?: string | null;
}

/** What the decoder needs to read a schema-less event of one table. */
export interface InferredTable {
  schema: RowSchema;
  keyColumns: string[];
}

/**
 * The Debezium logical type a PostgreSQL column arrives as, with the course's connector settings
 * (`time.precision.mode=adaptive`, `decimal.handling.mode=double`). Names as in ./logical.ts.
 */
export function logicalTypeOf(pgType: string, precision: number | null): string | null {
  switch (pgType) {
    case "date":
      return "io.debezium.time.Date";
    case "timestamp without time zone":
      return precision !== null && precision <= 3 ? "io.debezium.time.Timestamp" : "io.debezium.time.MicroTimestamp";
    case "time without time zone":
      return precision !== null && precision <= 3 ? "io.debezium.time.Time" : "io.debezium.time.MicroTime";
    case "timestamp with time zone":
      return "io.debezium.time.ZonedTimestamp";
    default:
      return null;
  }
}

/** A constant default (`'M'::bpchar`, `0`, `true`) as the value Debezium would write; undefined otherwise. */
function defaultValueOf(sql: string | null | undefined): unknown {
  if (!sql) return undefined;
  const quoted = /^'((?:[^']|'')*)'(::[\w ]+)?$/.exec(sql);
  if (quoted) return quoted[1]!.replace(/''/g, "'");
  if (/^-?\d+(\.\d+)?$/.test(sql)) return Number(sql);
  if (sql === "true" || sql === "false") return sql === "true";
  return undefined;
}

/** The row schema the object did not carry, rebuilt from the table's columns. */
export function inferTable(columns: CapturedColumn[]): InferredTable {
  const schema: RowSchema = new Map();
  for (const c of columns) {
    const name = logicalTypeOf(c.type, c.precision);
    schema.set(c.name, { type: c.type, ...(name ? { name } : {}), default: defaultValueOf(c.defaultSql) });
  }
  return { schema, keyColumns: columns.filter((c) => c.key).map((c) => c.name) };
}
