// Pure helpers that turn a lake prefix into a DuckDB view: the name the console suggests, which objects it reads
// (by extension), and the SELECT that reads them — plain, or with Debezium's envelope flattened and its logical
// types decoded. No I/O: the engine lists, fetches and binds; the unit tests check the SQL shapes.
import "server-only";
import { AppError } from "../errors";

export type LakeFormat = "jsonl" | "csv" | "parquet";

/** S3Proxy's filesystem store names an object `<key>-<uuid>` until its upload completes (test/s3-writes.ts). */
const IN_FLIGHT = /-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The format an object is read as, from its name; null = not a table file (skipped). */
export function formatOf(key: string): LakeFormat | null {
  if (key.endsWith("/") || IN_FLIGHT.test(key)) return null;
  const k = key.toLowerCase();
  if (/\.(jsonl|ndjson|json)$/.test(k)) return "jsonl";
  if (k.endsWith(".csv")) return "csv";
  if (k.endsWith(".parquet")) return "parquet";
  return null;
}

export const TABLE_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** `raw` + `topics/liga_sudoers.public.pessoas/` → `raw_pessoas`; partition folders (`year=2026`) are skipped. */
export function suggestTableName(bucket: string, prefix: string): string {
  const parts = prefix.split("/").filter((p) => p && !p.includes("="));
  const last = parts.at(-1) ?? "";
  const base = last.includes(".") ? last.split(".").at(-1)! : last;
  const clean = (s: string) => s.toLowerCase().replace(/[^a-z0-9_]+/g, "_").replace(/^_+|_+$/g, "");
  let name = [clean(bucket), clean(base)].filter(Boolean).join("_") || "lake";
  if (!/^[a-z_]/.test(name)) name = `t_${name}`;
  return name.slice(0, 63);
}

export function checkTableName(name: string): string {
  if (!TABLE_NAME.test(name)) {
    throw new AppError(422, "sql_bad_table_name", `"${name}" is not a usable table name: use lower-case letters, digits and _ (a letter or _ first, at most 63).`, "console");
  }
  return name;
}

/** A DuckDB string literal. */
export function lit(s: string): string {
  return `'${s.replace(/'/g, "''")}'`;
}

/** A DuckDB identifier, always quoted. */
export function ident(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

function list(paths: string[]): string {
  return `[${paths.map(lit).join(", ")}]`;
}

/** The table function reading local files of one format, their columns unioned by name. */
export function readerFor(format: LakeFormat, paths: string[]): string {
  switch (format) {
    case "jsonl":
      return `read_json(${list(paths)}, format = 'newline_delimited', union_by_name = true)`;
    case "csv":
      return `read_csv(${list(paths)}, union_by_name = true)`;
    case "parquet":
      return `read_parquet(${list(paths)}, union_by_name = true)`;
  }
}

/** SELECT over all the prefix's objects (formats mixed: one reader each, unioned by column name). */
export function rawSelect(files: Array<{ format: LakeFormat; path: string }>): string {
  const byFormat = new Map<LakeFormat, string[]>();
  for (const f of files) byFormat.set(f.format, [...(byFormat.get(f.format) ?? []), f.path]);
  const parts = [...byFormat].map(([format, paths]) => `SELECT * FROM ${readerFor(format, paths)}`);
  return parts.join("\nUNION ALL BY NAME\n");
}

// ------------------------------------------------------------------------------------------- Debezium

// The PostgreSQL column type → Debezium logical type mapping is shared with the lake preview (lib/debezium/shared/infer).
export { logicalTypeOf } from "../debezium/shared/infer";

/** DuckDB expression decoding one logical type (days since epoch, µs since epoch, …); others pass through. */
export function decodeLogical(expr: string, logical: string | null | undefined): string {
  switch (logical) {
    case "io.debezium.time.Date":
    case "org.apache.kafka.connect.data.Date":
      return `CAST(DATE '1970-01-01' + CAST(${expr} AS INTEGER) AS DATE)`;
    case "io.debezium.time.Timestamp":
    case "org.apache.kafka.connect.data.Timestamp":
      return `epoch_ms(CAST(${expr} AS BIGINT))`;
    case "io.debezium.time.MicroTimestamp":
      return `make_timestamp(CAST(${expr} AS BIGINT))`;
    case "io.debezium.time.NanoTimestamp":
      return `make_timestamp(CAST(${expr} AS BIGINT) // 1000)`;
    case "io.debezium.time.Time":
    case "org.apache.kafka.connect.data.Time":
      return `CAST(TIME '00:00:00' + to_milliseconds(CAST(${expr} AS BIGINT)) AS TIME)`;
    case "io.debezium.time.MicroTime":
      return `CAST(TIME '00:00:00' + to_microseconds(CAST(${expr} AS BIGINT)) AS TIME)`;
    case "io.debezium.time.ZonedTimestamp":
      return `CAST(${expr} AS TIMESTAMPTZ)`;
    default:
      return expr;
  }
}

/** The fields of a struct column, from DuckDB's type text `STRUCT("id" BIGINT, nome VARCHAR, …)`. */
export function structFields(typeText: string): string[] {
  const m = /^STRUCT\((.*)\)$/s.exec(typeText.trim());
  if (!m) return [];
  const fields: string[] = [];
  let depth = 0;
  let current = "";
  for (const ch of m[1]) {
    if (ch === "(") depth++;
    if (ch === ")") depth--;
    if (ch === "," && depth === 0) {
      fields.push(current.trim());
      current = "";
    } else current += ch;
  }
  if (current.trim()) fields.push(current.trim());
  return fields.map((f) => (f.startsWith('"') ? f.slice(1, f.indexOf('"', 1)).replace(/""/g, '"') : f.split(/\s+/)[0]));
}

/** Whether DESCRIBE's columns look like a Debezium change event. */
export function isDebeziumShape(columns: Array<{ name: string; type: string }>): boolean {
  const names = new Set(columns.map((c) => c.name));
  return names.has("op") && (names.has("after") || names.has("before"));
}

/**
 * The flattened SELECT over a raw Debezium SELECT: op, ts_ms (and event_time), the source's LSN, transaction and
 * commit time, then before_<col> and after_<col> for every row column, decoded with `logical` (column → type).
 */
export function flattenSelect(raw: string, columns: Array<{ name: string; type: string }>, logical: Map<string, string | null>): string {
  const byName = new Map(columns.map((c) => [c.name, c.type]));
  const rowCols = [...new Set([...structFields(byName.get("after") ?? ""), ...structFields(byName.get("before") ?? "")])];
  const source = new Set(structFields(byName.get("source") ?? ""));
  const out: string[] = ["op", "ts_ms", "epoch_ms(CAST(ts_ms AS BIGINT)) AS event_time"];
  out.push(source.has("lsn") ? "CAST(source.lsn AS BIGINT) AS source_lsn" : "CAST(NULL AS BIGINT) AS source_lsn");
  if (source.has("txId")) out.push(`CAST(source."txId" AS BIGINT) AS source_txid`);
  if (source.has("ts_ms")) out.push("epoch_ms(CAST(source.ts_ms AS BIGINT)) AS source_time");
  if (source.has("table")) out.push("source.table AS source_table");
  for (const side of ["before", "after"] as const) {
    const has = byName.has(side);
    for (const c of rowCols) {
      const expr = has ? `${side}.${ident(c)}` : "NULL";
      out.push(`${decodeLogical(expr, logical.get(c))} AS ${ident(`${side}_${c}`)}`);
    }
  }
  return `SELECT ${out.join(",\n  ")}\nFROM (${raw})`;
}

/** `liga_sudoers.public.pessoas` (the topic folder of a sink prefix) → { schema: public, table: pessoas }. */
export function sourceTableOf(prefix: string): { schema: string; table: string } | null {
  const topic = prefix.split("/").filter((p) => p && !p.includes("=")).find((p) => p.split(".").length === 3);
  if (!topic) return null;
  const [, schema, table] = topic.split(".");
  return schema && table ? { schema, table } : null;
}

// -------------------------------------------------------------------------------------- PostgreSQL copies

/** DuckDB type for a PostgreSQL column (information_schema.columns.data_type); anything else stays text. */
export function duckTypeOfPg(pgType: string, precision: number | null, scale: number | null): string {
  switch (pgType) {
    case "smallint":
      return "SMALLINT";
    case "integer":
      return "INTEGER";
    case "bigint":
      return "BIGINT";
    case "real":
      return "FLOAT";
    case "double precision":
      return "DOUBLE";
    case "numeric":
      return precision !== null && precision <= 38 ? `DECIMAL(${precision}, ${scale ?? 0})` : "DOUBLE";
    case "boolean":
      return "BOOLEAN";
    case "date":
      return "DATE";
    case "timestamp without time zone":
      return "TIMESTAMP";
    case "timestamp with time zone":
      return "TIMESTAMPTZ";
    case "time without time zone":
      return "TIME";
    case "uuid":
      return "UUID";
    default:
      return "VARCHAR";
  }
}
