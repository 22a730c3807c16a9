import "server-only";
import type pg from "pg";
import { AppError } from "../errors";
import { ident, qualified, readOnly, resolveDatabase } from "./session";
import type { Catalog, ColumnInfo, IndexInfo, ReplicaIdentity, SchemaSummary, TableDetail, TableRows, TableSummary } from "./shared/types";

// The catalogs of a configured database: a fixed number of queries whatever the number of tables (one for
// schemas, one for every table with its key, size, replica identity and publications), all READ ONLY with a
// statement timeout. Names that come from the UI are parameters ($1) or quoted with escapeIdentifier.

/** Schemas that are PostgreSQL's own, never the user's. */
export const USER_SCHEMAS = `n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp\\_%'`;

/** Rows a preview page holds at most. */
export const PREVIEW_LIMIT = 50;
/** A preview cell longer than this is cut (a bytea or a JSON document can be megabytes). */
const CELL_MAX = 2_000;

const REPLIDENT: Record<string, ReplicaIdentity> = { d: "default", n: "nothing", f: "full", i: "index" };

/**
 * Every user table of the database with its key, size, replica identity and publications, in one query.
 * Shared by the catalog page and the doctor's gatherer.
 */
export const tablesSql = (extraWhere = "") => `
WITH pk AS (
  SELECT i.indrelid, array_agg(a.attname::text ORDER BY k.ord) AS cols
    FROM pg_index i
    CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
    JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
   WHERE i.indisprimary
   GROUP BY i.indrelid
), pubs AS (
  SELECT schemaname, tablename, array_agg(pubname::text ORDER BY pubname) AS names
    FROM pg_publication_tables
   GROUP BY schemaname, tablename
)
SELECT c.oid::int8 AS oid, n.nspname AS schema, c.relname AS name, c.relkind, c.reltuples::float8 AS reltuples,
       pg_total_relation_size(c.oid) AS size, coalesce(pk.cols, '{}') AS pk, c.relreplident,
       pg_get_userbyid(c.relowner) AS owner, coalesce(pubs.names, '{}') AS publications
  FROM pg_class c
  JOIN pg_namespace n ON n.oid = c.relnamespace
  LEFT JOIN pk ON pk.indrelid = c.oid
  LEFT JOIN pubs ON pubs.schemaname = n.nspname AND pubs.tablename = c.relname
 WHERE c.relkind IN ('r', 'p') AND ${USER_SCHEMAS} ${extraWhere}
 ORDER BY n.nspname, c.relname`;

export interface TableRow {
  oid: string;
  schema: string;
  name: string;
  relkind: string;
  reltuples: number;
  size: string;
  pk: string[];
  relreplident: string;
  owner: string;
  publications: string[];
}

export function toTableSummary(r: TableRow): TableSummary & { oid: number } {
  return {
    oid: Number(r.oid),
    schema: r.schema,
    name: r.name,
    kind: r.relkind === "p" ? "partitioned" : "table",
    estimatedRows: r.reltuples < 0 ? null : Math.round(r.reltuples),
    sizeBytes: Number(r.size),
    primaryKey: r.pk,
    replicaIdentity: REPLIDENT[r.relreplident] ?? "default",
    publications: r.publications,
    owner: r.owner,
  };
}

export async function readTables(c: pg.ClientBase): Promise<(TableSummary & { oid: number })[]> {
  const r = await c.query<TableRow>(tablesSql());
  return r.rows.map(toTableSummary);
}

const SCHEMAS_SQL = `
SELECT n.nspname AS name, pg_get_userbyid(n.nspowner) AS owner, count(c.oid) FILTER (WHERE c.relkind IN ('r', 'p'))::int AS tables
  FROM pg_namespace n
  LEFT JOIN pg_class c ON c.relnamespace = n.oid
 WHERE ${USER_SCHEMAS}
 GROUP BY n.nspname, n.nspowner
 ORDER BY n.nspname`;

/** Schemas and tables of a configured database (two queries, whatever the number of tables). */
export async function getCatalog(databaseId: string): Promise<Catalog> {
  const database = resolveDatabase(databaseId);
  return readOnly(database.role, `Reading the catalog of ${database.name}`, async (c) => {
    const schemas = await c.query<SchemaSummary>(SCHEMAS_SQL);
    const tables = await readTables(c);
    return {
      database: { id: database.id, name: database.name, endpoint: database.endpoint, kind: database.kind },
      schemas: schemas.rows,
      tables: tables.map(({ oid: _oid, ...t }) => t),
      fetchedAt: new Date().toISOString(),
    };
  });
}

/** The table's oid, or a 404 naming it (names are compared exactly: they are parameters, never parsed). */
async function tableOid(c: pg.ClientBase, database: string, schema: string, table: string): Promise<number> {
  const r = await c.query<{ oid: string }>(
    `SELECT c.oid::int8 AS oid FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relname = $2 AND c.relkind IN ('r', 'p')`,
    [schema, table],
  );
  if (!r.rows.length) throw tableNotFound(database, schema, table);
  return Number(r.rows[0].oid);
}

export function tableNotFound(database: string, schema: string, table: string): AppError {
  return new AppError(404, "table_not_found", `There is no table ${JSON.stringify(schema)}.${JSON.stringify(table)} in database ${database} (it may have been dropped or renamed). Nothing was changed; refresh the catalog.`, "postgres", { params: { database, schema, table } });
}

export async function getTableDetail(databaseId: string, schema: string, table: string): Promise<TableDetail> {
  const database = resolveDatabase(databaseId);
  return readOnly(database.role, `Reading table ${schema}.${table}`, async (c) => {
    const oid = await tableOid(c, database.name, schema, table);
    const one = await c.query<TableRow>(tablesSql("AND c.oid = $1"), [oid]);
    const summary = toTableSummary(one.rows[0]);
    const cols = await c.query<{ name: string; position: number; type: string; nullable: boolean; default: string | null }>(
      `SELECT a.attname AS name, a.attnum::int AS position, format_type(a.atttypid, a.atttypmod) AS type,
              NOT a.attnotnull AS nullable, pg_get_expr(d.adbin, d.adrelid) AS default
         FROM pg_attribute a
         LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
        WHERE a.attrelid = $1 AND a.attnum > 0 AND NOT a.attisdropped
        ORDER BY a.attnum`,
      [oid],
    );
    const idx = await c.query<{ name: string; definition: string; unique: boolean; primary: boolean; replident: boolean; size: string }>(
      `SELECT ic.relname AS name, pg_get_indexdef(i.indexrelid) AS definition, i.indisunique AS unique,
              i.indisprimary AS primary, i.indisreplident AS replident, pg_relation_size(i.indexrelid) AS size
         FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid
        WHERE i.indrelid = $1
        ORDER BY i.indisprimary DESC, ic.relname`,
      [oid],
    );
    const columns: ColumnInfo[] = cols.rows.map((r) => {
      const k = summary.primaryKey.indexOf(r.name);
      return { ...r, primaryKeyPosition: k >= 0 ? k + 1 : null };
    });
    const indexes: IndexInfo[] = idx.rows.map((r) => ({ name: r.name, definition: r.definition, unique: r.unique, primary: r.primary, replicaIdentity: r.replident, sizeBytes: Number(r.size) }));
    const { oid: _oid, ...rest } = summary;
    return { ...rest, columns, indexes };
  });
}

/** count(*) of the table, on demand (the catalog shows PostgreSQL's estimate); bounded by the statement timeout. */
export async function exactRowCount(databaseId: string, schema: string, table: string): Promise<{ schema: string; table: string; rows: number }> {
  const database = resolveDatabase(databaseId);
  return readOnly(database.role, `Counting the rows of ${schema}.${table}`, async (c) => {
    await tableOid(c, database.name, schema, table);
    const r = await c.query<{ n: string }>(`SELECT count(*) AS n FROM ${qualified(schema, table)}`);
    return { schema, table, rows: Number(r.rows[0].n) };
  });
}

const asText = { getTypeParser: () => (v: string) => v };

/** A page of rows, read-only, in a stable order (the primary key, else ctid); every value as PostgreSQL's text. */
export async function previewRows(databaseId: string, schema: string, table: string, opts: { offset?: number; limit?: number } = {}): Promise<TableRows> {
  const database = resolveDatabase(databaseId);
  const limit = Math.max(1, Math.min(PREVIEW_LIMIT, Math.floor(opts.limit ?? PREVIEW_LIMIT)));
  const offset = Math.max(0, Math.floor(opts.offset ?? 0));
  return readOnly(database.role, `Reading rows of ${schema}.${table}`, async (c) => {
    const oid = await tableOid(c, database.name, schema, table);
    const meta = await c.query<{ name: string; type: string }>(
      `SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type FROM pg_attribute a
        WHERE a.attrelid = $1 AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum`,
      [oid],
    );
    const pk = await c.query<TableRow>(tablesSql("AND c.oid = $1"), [oid]);
    const key = pk.rows[0]?.pk ?? [];
    const order = key.length ? key.map((k) => ident(k)).join(", ") : "ctid";
    const result = await c.query({
      text: `SELECT * FROM ${qualified(schema, table)} ORDER BY ${order} LIMIT $1 OFFSET $2`,
      values: [limit + 1, offset],
      rowMode: "array",
      types: asText,
    });
    let truncatedCells = 0;
    const rows = (result.rows as (string | null)[][]).slice(0, limit).map((row) =>
      row.map((v) => {
        if (v !== null && v.length > CELL_MAX) {
          truncatedCells++;
          return `${v.slice(0, CELL_MAX)}…`;
        }
        return v;
      }),
    );
    const typeOf = new Map(meta.rows.map((m) => [m.name, m.type]));
    return {
      schema,
      table,
      columns: result.fields.map((f) => ({ name: f.name, type: typeOf.get(f.name) ?? "" })),
      rows,
      offset,
      limit,
      hasMore: result.rows.length > limit,
      orderedBy: key.length ? key : ["ctid"],
      truncatedCells,
    };
  });
}
