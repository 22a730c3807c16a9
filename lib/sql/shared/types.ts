// Shapes the SQL engine takes and answers (browser-safe: no secrets, no server imports).

/** Where a query runs: DuckDB over the lake, or PostgreSQL (read-only). */
export type SqlTarget = "lake" | SqlDatabase;
export type SqlDatabase = "oltp" | "dw";

/** A name the query can use: a lake prefix (a view over its objects) or a copy of a database table. */
export type TableBinding =
  | {
      kind: "lake";
      name: string;
      bucket: string;
      prefix: string;
      /** Flatten Debezium envelopes: op, ts_ms, source_lsn, before_<col>, after_<col>, logical types decoded. */
      debezium?: boolean;
      /** Where the captured table lives, for its column types (default: the topic's schema.table in oltp). */
      database?: SqlDatabase;
      sourceSchema?: string;
      sourceTable?: string;
    }
  | { kind: "pg"; name: string; database: SqlDatabase; schema: string; table: string };

export interface QueryInput {
  sql: string;
  database?: SqlTarget;
  tables?: TableBinding[];
  maxRows?: number;
  signal?: AbortSignal;
  /** PostgreSQL only, set by the server (tests, never from a request): the schemas unqualified names resolve in. */
  searchPath?: string;
}

export interface ColumnInfo {
  name: string;
  type: string;
}

export interface QueryResult {
  engine: "duckdb" | "postgres";
  columns: ColumnInfo[];
  /** Rows as arrays, values JSON-safe (big integers and decimals as strings). */
  rows: unknown[][];
  rowCount: number;
  /** Bytes fetched from S3 for this query (cache misses) and bytes of the objects it read. */
  bytesFetched: number;
  bytesScanned: number;
  elapsedMs: number;
}

export interface PrefixInfo {
  bucket: string;
  prefix: string;
  suggestedName: string;
  objects: number;
  bytes: number;
  formats: string[];
  columns: ColumnInfo[];
  debezium: boolean;
  flattenedColumns: ColumnInfo[];
}
