// The SQL engine: DuckDB (in process, on Node's worker threads, so the event loop stays free) over local copies
// of lake objects, and read-only queries on PostgreSQL. No Next.js imports: lib/sql/index.ts wires it to the
// console's configuration; the benchmark (under `tsx --conditions=react-server`) and the tests build their own.
//
// Safety, in layers: (1) DuckDB's own settings — no extension install or autoload, no file or network access
// outside the cache folder (`allowed_directories` set BEFORE `enable_external_access=false`), then
// `lock_configuration=true` so no statement can undo them; (2) the user's text must be exactly one SELECT (or
// EXPLAIN) — COPY, ATTACH, INSTALL, SET, CREATE … are refused before running, which also keeps user SQL from
// writing into the cache folder; (3) a time limit that interrupts the connection, a memory limit with no
// spilling, a row cap on results and a byte cap on what one query fetches from S3.
import "server-only";
import { GetObjectCommand, PutObjectCommand, type S3Client } from "@aws-sdk/client-s3";
import { DuckDBInstance, JsonDuckDBValueConverter, StatementType, type DuckDBConnection } from "@duckdb/node-api";
import { createHash, randomUUID } from "node:crypto";
import { createReadStream } from "node:fs";
import { readFile, rm, stat } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { AppError } from "../errors";
import { tableColumns } from "../pg/columns";
import { ObjectCache, type CachedObject } from "./cache";
import { Semaphore } from "./semaphore";
import { checkTableName, duckTypeOfPg, flattenSelect, formatOf, ident, isDebeziumShape, lit, logicalTypeOf, rawSelect, sourceTableOf, suggestTableName, type LakeFormat } from "./tables";
import type { ColumnInfo, PrefixInfo, QueryInput, QueryResult, SqlDatabase, TableBinding } from "./shared/types";
import type { AppConfig } from "../config-core";

type SqlLimits = AppConfig["sql"];

/** The SQL limits of the configuration (SQL_* in the README), plus the clients the engine reads through. */
export interface EngineOptions extends SqlLimits {
  s3: S3Client;
  /** Connection options of the OLTP and DW databases. */
  pg: (db: SqlDatabase) => pg.ClientConfig;
}

/** Most objects one lake table may cover (a listing beyond this is refused: narrow the prefix). */
export const MAX_OBJECTS_PER_TABLE = 20_000;
/** Most rows copied from PostgreSQL into DuckDB for one table binding. */
export const MAX_PG_COPY_ROWS = 2_000_000;

const READ_ONLY_TYPES = new Set([StatementType.SELECT, StatementType.EXPLAIN]);

/** An engine error: the engine's own text as detail, with the line and column it points at when it does. */
export class SqlError extends AppError {
  constructor(
    status: number,
    code: string,
    message: string,
    detail: string,
    readonly position: { line: number; column: number } | null = null,
    params: Record<string, string | number> = {},
  ) {
    super(status, code, message, "console", { detail, params: { ...params, ...(position ? { line: position.line, column: position.column } : {}) } });
  }

  override toJSON() {
    return { ...super.toJSON(), position: this.position };
  }
}

/** DuckDB points at the error with `LINE n: <text>` and a caret line under it. */
export function errorPosition(message: string): { line: number; column: number } | null {
  const m = /LINE (\d+): (.*)\n(\s*)\^/.exec(message);
  if (!m) return null;
  const prefix = `LINE ${m[1]}: `.length;
  return { line: Number(m[1]), column: Math.max(1, m[3]!.length - prefix + 1) };
}

interface Budget {
  fetched: number;
  scanned: number;
  derivedBuilt: boolean;
}

interface RunState {
  timedOut: boolean;
  cancelled: boolean;
}

/** Maps a DuckDB failure to the console's error, naming the limit or rule that stopped it. */
export function toSqlError(e: unknown, state: RunState, timeoutMs: number, memoryLimitMb: number): AppError {
  if (e instanceof AppError) return e;
  const text = e instanceof Error ? e.message : String(e);
  const first = text.split("\n")[0]!;
  if (/^INTERRUPT Error/.test(text) || /Interrupted/.test(first)) {
    if (state.timedOut) return new SqlError(408, "sql_timeout", `The query ran longer than ${timeoutMs} ms (SQL_QUERY_TIMEOUT_MS) and was stopped: filter earlier, aggregate, or add a LIMIT.`, text, null, { ms: timeoutMs });
    return new SqlError(499, "sql_cancelled", "The query was cancelled and stopped in the engine.", text);
  }
  if (/^Out of Memory Error/.test(text)) {
    return new SqlError(413, "sql_memory_limit", `The query needs more than the engine's ${memoryLimitMb} MB (SQL_MEMORY_LIMIT_MB): avoid cross joins, aggregate before joining, or raise the limit.`, text, null, { mb: memoryLimitMb });
  }
  if (/^Permission Error/.test(text) || /disabled by configuration|has been locked/.test(text)) {
    return new SqlError(403, "sql_forbidden", "The SQL engine reads only the tables the console gives it: files, the network, extensions and settings are off limits.", text, errorPosition(text));
  }
  return new SqlError(422, "sql_error", `The engine refused the query: ${first}`, text, errorPosition(text));
}

function pgError(e: unknown, state: RunState, timeoutMs: number): AppError {
  if (e instanceof AppError) return e;
  const err = e as { code?: string; message?: string; position?: string };
  const text = err.message ?? String(e);
  if (err.code === "57014") {
    if (state.timedOut || !state.cancelled) return new SqlError(408, "sql_timeout", `The query ran longer than ${timeoutMs} ms (SQL_QUERY_TIMEOUT_MS) and PostgreSQL cancelled it.`, text, null, { ms: timeoutMs });
    return new SqlError(499, "sql_cancelled", "The query was cancelled and stopped in PostgreSQL.", text);
  }
  if (err.code === "25006") return new SqlError(403, "sql_read_only", "Queries on the databases run in a read-only transaction: only SELECT is allowed here.", text);
  if (err.code === "42601" && /multiple commands|cannot insert multiple/.test(text)) return new SqlError(422, "sql_single_statement", "Send one statement at a time.", text);
  return new SqlError(422, "sql_error", `PostgreSQL refused the query: ${text}`, text, null);
}

export class SqlEngine {
  readonly cache: ObjectCache;
  private readonly slots: Semaphore;

  private constructor(
    readonly opts: EngineOptions,
    private readonly instance: DuckDBInstance,
  ) {
    this.slots = new Semaphore(opts.maxConcurrent);
    this.cache = new ObjectCache(opts.cacheDir, opts.cacheBytes, (o, signal) => this.fetchObject(o, signal));
  }

  static async create(opts: EngineOptions): Promise<SqlEngine> {
    const instance = await DuckDBInstance.create(":memory:", { autoinstall_known_extensions: "false", autoload_known_extensions: "false" });
    const engine = new SqlEngine(opts, instance);
    await engine.cache.start();
    const c = await instance.connect();
    try {
      // Order matters: temp_directory and allowed_directories can only be set while external access is on.
      for (const stmt of [
        `SET memory_limit = ${lit(`${opts.memoryLimitMb}MB`)}`,
        `SET threads = ${opts.threads}`,
        "SET temp_directory = ''", // no spilling: the memory limit is the limit
        `SET allowed_directories = [${lit(`${engine.cache.dir}${path.sep}`)}]`,
        "SET enable_external_access = false",
        "SET allow_community_extensions = false",
        "SET lock_configuration = true",
      ]) {
        await c.run(stmt);
      }
    } finally {
      c.closeSync();
    }
    return engine;
  }

  private async fetchObject(o: CachedObject, signal?: AbortSignal) {
    try {
      const out = await this.opts.s3.send(new GetObjectCommand({ Bucket: o.bucket, Key: o.key, IfMatch: o.etag }), { abortSignal: signal });
      return out.Body as unknown as import("node:stream").Readable;
    } catch (e) {
      const name = (e as { name?: string }).name ?? "Error";
      if (name === "PreconditionFailed") throw new AppError(409, "sql_object_changed", `"${o.bucket}/${o.key}" changed while the query started: run it again.`, "s3");
      throw new AppError(502, "sql_s3_read", `Could not read "${o.bucket}/${o.key}" from S3 (${name}): ${(e as Error).message}`, "s3");
    }
  }

  /** Every table object under a prefix (finished uploads of known formats), as cache entries. */
  async listPrefix(bucket: string, prefix: string, signal?: AbortSignal): Promise<Array<CachedObject & { format: LakeFormat }>> {
    const { ListObjectsV2Command } = await import("@aws-sdk/client-s3");
    const out: Array<CachedObject & { format: LakeFormat }> = [];
    let token: string | undefined;
    do {
      let page;
      try {
        page = await this.opts.s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, ContinuationToken: token }), { abortSignal: signal });
      } catch (e) {
        const name = (e as { name?: string }).name ?? "Error";
        if (name === "NoSuchBucket") throw new AppError(404, "sql_bucket_missing", `Bucket "${bucket}" does not exist: check the name or create it in the lake page.`, "s3");
        throw new AppError(502, "sql_s3_list", `Could not list "${bucket}/${prefix}" (${name}): ${(e as Error).message}`, "s3");
      }
      for (const o of page.Contents ?? []) {
        const format = o.Key ? formatOf(o.Key) : null;
        if (!format || !o.Key || !o.Size) continue;
        out.push({ bucket, key: o.Key, etag: o.ETag ?? `${o.LastModified?.toISOString()}-${o.Size}`, size: Number(o.Size), format });
        if (out.length > MAX_OBJECTS_PER_TABLE) {
          throw new AppError(413, "sql_too_many_objects", `"${bucket}/${prefix}" holds more than ${MAX_OBJECTS_PER_TABLE} objects: pick a narrower prefix (e.g. one day's folder).`, "console");
        }
      }
      token = page.IsTruncated ? page.NextContinuationToken : undefined;
    } while (token);
    return out;
  }

  /** Column types of a source table (for decoding Debezium's logical types and typing PostgreSQL copies). */
  private async pgColumns(db: SqlDatabase, schema: string, table: string): Promise<Array<{ name: string; type: string; precision: number | null; scale: number | null }>> {
    const client = new pg.Client({ ...this.opts.pg(db), statement_timeout: 5000 } as pg.ClientConfig);
    await client.connect();
    try {
      return await tableColumns(client, schema, table);
    } finally {
      await client.end();
    }
  }

  /** Objects, bytes, formats, inferred columns and the suggested name of a prefix (fetches its objects). */
  async describePrefix(bucket: string, prefix: string, signal?: AbortSignal): Promise<PrefixInfo> {
    const objects = await this.listPrefix(bucket, prefix, signal);
    const info: PrefixInfo = {
      bucket,
      prefix,
      suggestedName: suggestTableName(bucket, prefix),
      objects: objects.length,
      bytes: objects.reduce((s, o) => s + o.size, 0),
      formats: [...new Set(objects.map((o) => o.format))],
      columns: [],
      debezium: false,
      flattenedColumns: [],
    };
    if (objects.length === 0) return info;
    const result = await this.query({ sql: `DESCRIBE SELECT * FROM ${ident("t")}`, tables: [{ kind: "lake", name: "t", bucket, prefix }], signal, describe: true });
    info.columns = result.rows.map((r) => ({ name: String(r[0]), type: String(r[1]) }));
    info.debezium = isDebeziumShape(info.columns);
    if (info.debezium) {
      const flat = await this.query({ sql: `DESCRIBE SELECT * FROM ${ident("t")}`, tables: [{ kind: "lake", name: "t", bucket, prefix, debezium: true }], signal, describe: true });
      info.flattenedColumns = flat.rows.map((r) => ({ name: String(r[0]), type: String(r[1]) }));
    }
    return info;
  }

  /** Binds every table of the input on `c` (temp views and temp tables: visible to this connection only). */
  private async bind(c: DuckDBConnection, tables: TableBinding[], budget: Budget, leases: Array<() => void>, signal?: AbortSignal) {
    const names = new Set<string>();
    for (const t of tables) {
      checkTableName(t.name);
      if (names.has(t.name)) throw new AppError(422, "sql_duplicate_table", `Two tables are named "${t.name}": give each its own name.`, "console");
      names.add(t.name);
      if (t.kind === "lake") {
        const objects = await this.listPrefix(t.bucket, t.prefix, signal);
        if (objects.length === 0) {
          throw new AppError(404, "sql_prefix_empty", `"${t.bucket}/${t.prefix}" holds no JSON Lines, CSV or Parquet objects yet: check the prefix, or wait for the sink to write.`, "s3", { params: { bucket: t.bucket, prefix: t.prefix } });
        }
        budget.scanned += objects.reduce((s, o) => s + o.size, 0);
        // The table's objects, parsed once and kept as one Parquet file: keyed by every object's ETag (a new or
        // rewritten object makes a new table file) and by how the table is read. The objects themselves are only
        // needed (fetched, pinned) while that file is built.
        const derivedId = createHash("sha256")
          .update(JSON.stringify({ v: 1, t: { ...t, name: "" }, objects: objects.map((o) => ObjectCache.idOf(o)) }))
          .digest("hex");
        const derived = await this.cache.derived(
          derivedId,
          async (file) => {
            const lease = await this.cache.acquire(objects, { maxFetchBytes: this.opts.maxFetchBytes - budget.fetched, signal });
            try {
              budget.fetched += lease.fetchedBytes;
              let select = rawSelect(objects.map((o, i) => ({ format: o.format, path: lease.files[i]! })));
              if (t.debezium) select = await this.flattened(c, t, select);
              await c.run(`COPY (${select}) TO ${lit(file)} (FORMAT parquet, COMPRESSION snappy)`);
            } finally {
              lease.release();
            }
          },
          signal,
        );
        leases.push(derived.release);
        budget.derivedBuilt = budget.derivedBuilt || derived.built;
        const select = `SELECT * FROM read_parquet(${lit(derived.file)})`;
        await c.run(`CREATE OR REPLACE TEMP VIEW ${ident(t.name)} AS ${select}`);
      } else {
        await this.copyFromPg(c, t, budget, signal);
      }
    }
  }

  /** The flattened Debezium SELECT over `raw`, logical types decoded with the captured table's column types. */
  private async flattened(c: DuckDBConnection, t: Extract<TableBinding, { kind: "lake" }>, raw: string): Promise<string> {
    const described = await c.runAndReadAll(`DESCRIBE ${raw}`);
    const columns = described.getRows().map((r) => ({ name: String(r[0]), type: String(r[1]) }));
    if (!isDebeziumShape(columns)) {
      throw new AppError(422, "sql_not_debezium", `"${t.bucket}/${t.prefix}" does not hold Debezium change events (no op/before/after columns): turn "flatten" off for it.`, "console");
    }
    const logical = new Map<string, string | null>();
    const src = sourceTableOf(t.prefix);
    if (src || t.sourceTable) {
      const cols = await this.pgColumns(t.database ?? "oltp", t.sourceSchema ?? src?.schema ?? "public", t.sourceTable ?? src!.table).catch(() => []);
      for (const col of cols) logical.set(col.name, logicalTypeOf(col.type, col.precision));
    }
    return flattenSelect(raw, columns, logical);
  }

  /**
   * Copies a PostgreSQL table into a DuckDB temp table (a READ ONLY transaction, a cursor read in batches, the
   * appender), so one DuckDB query can join it with the lake: the reconcile needs both sides in one engine, and
   * DuckDB's postgres extension would have to be downloaded. Bounded by MAX_PG_COPY_ROWS and the time limit.
   */
  private async copyFromPg(c: DuckDBConnection, t: Extract<TableBinding, { kind: "pg" }>, budget: { fetched: number }, signal?: AbortSignal) {
    const cols = await this.pgColumns(t.database, t.schema, t.table);
    if (cols.length === 0) throw new AppError(404, "sql_pg_table_missing", `Table ${t.schema}.${t.table} does not exist in the ${t.database} database (or has no columns).`, "postgres");
    const staging = `__pg_${randomUUID().replace(/-/g, "")}`;
    await c.run(`CREATE TEMP TABLE ${ident(staging)} (${cols.map((col) => `${ident(col.name)} VARCHAR`).join(", ")})`);
    const client = new pg.Client({ ...this.opts.pg(t.database), types: { getTypeParser: () => (v: string) => v } } as pg.ClientConfig);
    await client.connect();
    const onAbort = () => void client.end().catch(() => undefined);
    signal?.addEventListener("abort", onAbort, { once: true });
    try {
      await client.query("BEGIN READ ONLY");
      await client.query(`SET LOCAL statement_timeout = ${Math.floor(this.opts.queryTimeoutMs)}`);
      const select = cols.map((col) => `${pg.escapeIdentifier(col.name)}::text`).join(", ");
      await client.query(`DECLARE src NO SCROLL CURSOR FOR SELECT ${select} FROM ${pg.escapeIdentifier(t.schema)}.${pg.escapeIdentifier(t.table)}`);
      const appender = await c.createAppender(staging, "main", "temp");
      let rows = 0;
      for (;;) {
        const res = await client.query({ text: "FETCH 10000 FROM src", rowMode: "array" });
        for (const r of res.rows as Array<Array<string | null>>) {
          for (const v of r) {
            if (v === null) appender.appendNull();
            else {
              appender.appendVarchar(v);
              budget.fetched += v.length;
            }
          }
          appender.endRow();
        }
        rows += res.rows.length;
        if (rows > MAX_PG_COPY_ROWS) throw new AppError(413, "sql_pg_copy_limit", `${t.schema}.${t.table} has more than ${MAX_PG_COPY_ROWS} rows, too many to copy next to the lake.`, "console");
        if (res.rows.length < 10000) break;
      }
      appender.closeSync();
      await client.query("ROLLBACK");
    } catch (e) {
      if (signal?.aborted) throw new SqlError(499, "sql_cancelled", "The query was cancelled.", String(e));
      throw e instanceof AppError ? e : pgError(e, { timedOut: false, cancelled: false }, this.opts.queryTimeoutMs);
    } finally {
      signal?.removeEventListener("abort", onAbort);
      await client.end().catch(() => undefined);
    }
    const typed = cols.map((col) => `CAST(${ident(col.name)} AS ${duckTypeOfPg(col.type, col.precision, col.scale)}) AS ${ident(col.name)}`).join(", ");
    await c.run(`CREATE OR REPLACE TEMP TABLE ${ident(t.name)} AS SELECT ${typed} FROM ${ident(staging)}`);
    await c.run(`DROP TABLE ${ident(staging)}`);
  }

  /** Refuses anything but one SELECT / EXPLAIN before it runs. */
  private async prepareReadOnly(c: DuckDBConnection, sql: string) {
    const extracted = await c.extractStatements(sql);
    if (extracted.count === 0) throw new AppError(422, "sql_empty", "There is no statement to run.", "console");
    if (extracted.count > 1) throw new AppError(422, "sql_single_statement", `Send one statement at a time (this text holds ${extracted.count}).`, "console");
    const prepared = await extracted.prepare(0);
    if (!READ_ONLY_TYPES.has(prepared.statementType)) {
      prepared.destroySync();
      throw new AppError(
        403,
        "sql_read_only",
        `Only SELECT (or EXPLAIN) runs here; this is a ${StatementType[prepared.statementType]} statement. Results are saved with "Save as Parquet", not COPY; files, ATTACH, INSTALL and SET are off limits.`,
        "console",
      );
    }
    return prepared;
  }

  /** Runs one query on the lake (DuckDB) or a database (PostgreSQL, read-only). */
  async query(input: QueryInput & { describe?: boolean }): Promise<QueryResult> {
    if (input.database && input.database !== "lake") return this.queryPg({ ...input, database: input.database });
    return this.withConnection(input.signal, async (c, state) => {
      const started = performance.now();
      const budget: Budget = { fetched: 0, scanned: 0, derivedBuilt: false };
      const leases: Array<() => void> = [];
      try {
        await this.bind(c, input.tables ?? [], budget, leases, input.signal);
        const prepared = await this.prepareReadOnly(c, input.sql);
        const result = await prepared.stream();
        const columns: ColumnInfo[] = result.columnNames().map((name, i) => ({ name, type: result.columnTypes()[i]!.toString() }));
        const rows: unknown[][] = [];
        const maxRows = input.describe ? Number.MAX_SAFE_INTEGER : Math.min(input.maxRows ?? this.opts.maxRows, this.opts.maxRows);
        for (;;) {
          const chunk = await result.fetchChunk();
          if (!chunk || chunk.rowCount === 0) break;
          if (rows.length + chunk.rowCount > maxRows) {
            c.interrupt();
            throw new AppError(
              413,
              "sql_too_many_rows",
              `The result has more than ${maxRows} rows, the most the console sends to the browser (SQL_MAX_ROWS): add a LIMIT or aggregate, or use "Save as Parquet" for the whole result.`,
              "console",
              { params: { max: maxRows } },
            );
          }
          for (const r of chunk.convertRows(JsonDuckDBValueConverter)) rows.push(r as unknown[]);
        }
        return {
          engine: "duckdb" as const,
          columns,
          rows,
          rowCount: rows.length,
          bytesFetched: budget.fetched,
          bytesScanned: budget.scanned,
          elapsedMs: Math.round(performance.now() - started),
        };
      } catch (e) {
        throw toSqlError(e, state, this.opts.queryTimeoutMs, this.opts.memoryLimitMb);
      } finally {
        for (const release of leases) release();
      }
    });
  }

  /** A DuckDB connection of its own for one query, under the concurrency limit, the time limit and the caller's signal. */
  private async withConnection<T>(signal: AbortSignal | undefined, fn: (c: DuckDBConnection, state: RunState) => Promise<T>): Promise<T> {
    const release = await this.slots.acquire(signal);
    const c = await this.instance.connect();
    const state: RunState = { timedOut: false, cancelled: false };
    const timer = setTimeout(() => {
      state.timedOut = true;
      c.interrupt();
    }, this.opts.queryTimeoutMs);
    const onAbort = () => {
      state.cancelled = true;
      c.interrupt();
    };
    signal?.addEventListener("abort", onAbort, { once: true });
    try {
      if (signal?.aborted) throw new SqlError(499, "sql_cancelled", "The query was cancelled.", "aborted before it started");
      return await fn(c, state);
    } catch (e) {
      throw toSqlError(e, state, this.opts.queryTimeoutMs, this.opts.memoryLimitMb);
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
      c.closeSync();
      release();
    }
  }

  /**
   * PostgreSQL, read-only: a READ ONLY transaction with a statement timeout, the text as a cursor (DECLARE accepts
   * only SELECT/VALUES; the extended protocol refuses a second statement), at most maxRows + 1 rows fetched, then
   * ROLLBACK. Cancelling asks the server to cancel the backend.
   */
  private async queryPg(input: QueryInput & { database: SqlDatabase }): Promise<QueryResult> {
    const release = await this.slots.acquire(input.signal);
    const started = performance.now();
    const state: RunState = { timedOut: false, cancelled: false };
    const opts = this.opts.pg(input.database);
    const client = new pg.Client({ ...opts, types: { getTypeParser: () => (v: string) => v } } as pg.ClientConfig);
    const maxRows = Math.min(input.maxRows ?? this.opts.maxRows, this.opts.maxRows);
    let pid: number | null = null;
    const cancel = async () => {
      state.cancelled = true;
      if (pid === null) return;
      const killer = new pg.Client(opts);
      await killer.connect();
      await killer.query("SELECT pg_cancel_backend($1)", [pid]).finally(() => killer.end());
    };
    const onAbort = () => void cancel().catch(() => undefined);
    input.signal?.addEventListener("abort", onAbort, { once: true });
    try {
      await client.connect();
      pid = Number((await client.query<{ pid: string }>("SELECT pg_backend_pid() AS pid")).rows[0]!.pid);
      await client.query("BEGIN READ ONLY");
      await client.query(`SET LOCAL statement_timeout = ${Math.floor(this.opts.queryTimeoutMs)}`);
      if (input.searchPath) await client.query("SELECT set_config('search_path', $1, true)", [input.searchPath]);
      // a superuser login could still call pg_read_file() and friends: run as the built-in read-everything role
      const member = await client.query<{ ok: boolean }>("SELECT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'pg_read_all_data') AND pg_has_role(current_user, 'pg_read_all_data', 'MEMBER') AS ok");
      if (member.rows[0]?.ok) await client.query("SET LOCAL ROLE pg_read_all_data");
      const text = input.sql.trim().replace(/;+\s*$/, "");
      if (!text) throw new AppError(422, "sql_empty", "There is no statement to run.", "console");
      await client.query({ text: `DECLARE console_sql NO SCROLL CURSOR FOR ${text}`, queryMode: "extended" } as pg.QueryConfig);
      const res = await client.query({ text: `FETCH ${maxRows + 1} FROM console_sql`, rowMode: "array" });
      if (res.rows.length > maxRows) {
        throw new AppError(413, "sql_too_many_rows", `The result has more than ${maxRows} rows, the most the console sends to the browser (SQL_MAX_ROWS): add a LIMIT or aggregate.`, "console", { params: { max: maxRows } });
      }
      const typeNames = await this.pgTypeNames(client, res.fields.map((f) => f.dataTypeID));
      await client.query("ROLLBACK");
      return {
        engine: "postgres" as const,
        columns: res.fields.map((f) => ({ name: f.name, type: typeNames.get(f.dataTypeID) ?? String(f.dataTypeID) })),
        rows: res.rows as unknown[][],
        rowCount: res.rows.length,
        bytesFetched: 0,
        bytesScanned: 0,
        elapsedMs: Math.round(performance.now() - started),
      };
    } catch (e) {
      if (e instanceof Error && /DECLARE CURSOR can only be used|syntax error at or near "(COPY|INSERT|UPDATE|DELETE|CREATE|DROP|ALTER|SET|BEGIN|COMMIT)"/i.test(e.message)) {
        throw new SqlError(403, "sql_read_only", "Only a SELECT (or VALUES) runs on the databases, in a read-only transaction.", e.message);
      }
      const err = pgError(e, state, this.opts.queryTimeoutMs);
      if (err instanceof SqlError && err.code === "sql_error" && (e as { position?: string }).position) {
        const pos = Number((e as { position?: string }).position) - "DECLARE console_sql NO SCROLL CURSOR FOR ".length;
        const before = input.sql.trim().slice(0, Math.max(0, pos - 1)).split("\n");
        throw new SqlError(err.status, err.code, err.message, err.detail ?? "", { line: before.length, column: before.at(-1)!.length + 1 });
      }
      throw err;
    } finally {
      input.signal?.removeEventListener("abort", onAbort);
      await client.end().catch(() => undefined);
      release();
    }
  }

  private async pgTypeNames(client: pg.Client, oids: number[]): Promise<Map<number, string>> {
    if (oids.length === 0) return new Map();
    const res = await client.query<{ oid: string; name: string }>("SELECT oid::text, format_type(oid, NULL) AS name FROM pg_type WHERE oid = ANY($1::oid[])", [oids]);
    return new Map(res.rows.map((r) => [Number(r.oid), r.name]));
  }

  /**
   * Runs the query and writes its whole result (no row cap) as one Parquet file in the scratch folder — the
   * console's own COPY around the checked SELECT, never the user's — hands it to `consume`, then removes it.
   */
  private async writeParquet<T>(input: QueryInput, consume: (file: string, rows: number, bytes: number) => Promise<T>): Promise<T> {
    return this.withConnection(input.signal, async (c, state) => {
      const leases: Array<() => void> = [];
      const file = path.join(this.cache.scratchDir, `${randomUUID()}.parquet`);
      try {
        await this.bind(c, input.tables ?? [], { fetched: 0, scanned: 0, derivedBuilt: false }, leases, input.signal);
        (await this.prepareReadOnly(c, input.sql)).destroySync();
        const text = input.sql.trim().replace(/;+\s*$/, "");
        // snappy: the lake preview (hyparquet) reads it
        const copied = await c.runAndReadAll(`COPY (${text}) TO ${lit(file)} (FORMAT parquet, COMPRESSION snappy)`);
        const rows = Number(copied.getRows()[0]?.[0] ?? 0);
        return await consume(file, rows, (await stat(file)).size);
      } catch (e) {
        if ((e as { name?: string }).name === "NoSuchBucket") throw new AppError(404, "sql_bucket_missing", "The bucket does not exist: create it first.", "s3");
        throw toSqlError(e, state, this.opts.queryTimeoutMs, this.opts.memoryLimitMb);
      } finally {
        for (const release of leases) release();
        await rm(file, { force: true });
      }
    });
  }

  /** Saves the whole result as one Parquet object through the console's S3 client (the audited write). */
  async saveParquet(input: QueryInput & { bucket: string; key: string }): Promise<{ bucket: string; key: string; bytes: number; rows: number; elapsedMs: number }> {
    if (!/\.parquet$/.test(input.key) || input.key.startsWith("/") || input.key.split("/").includes("..")) {
      throw new AppError(422, "sql_bad_parquet_key", `"${input.key}" is not a usable object key: end it with .parquet (e.g. trusted/pessoas/part-0.parquet).`, "console", { params: { key: input.key } });
    }
    const started = performance.now();
    return this.writeParquet(input, async (file, rows, bytes) => {
      await this.opts.s3.send(
        new PutObjectCommand({ Bucket: input.bucket, Key: input.key, Body: createReadStream(file), ContentLength: bytes, ContentType: "application/vnd.apache.parquet" }),
        { abortSignal: input.signal },
      );
      return { bucket: input.bucket, key: input.key, bytes, rows, elapsedMs: Math.round(performance.now() - started) };
    });
  }

  /** The whole result as Parquet bytes, for a download (at most SQL_MAX_FETCH_MB). */
  async exportParquet(input: QueryInput): Promise<Buffer> {
    return this.writeParquet(input, async (file, _rows, bytes) => {
      if (bytes > this.opts.maxFetchBytes) {
        throw new AppError(413, "sql_export_too_large", `The Parquet file has ${bytes} bytes, over the download limit (SQL_MAX_FETCH_MB): save it to the lake instead.`, "console", { params: { bytes } });
      }
      return readFile(file);
    });
  }

  close(): void {
    this.instance.closeSync();
  }
}
