import "server-only";
import type pg from "pg";
import { AppError } from "../../errors";
import { pool } from "../../pg/client";
import { ident, pgError, qualified, readOnly, readWrite } from "../../pg/session";
import { markedValue } from "./match";
import type { CommitHop } from "../shared/trace";

// The trace's one real change. In ONE transaction: an UPDATE of one row that writes the marker into a text column,
// then an UPDATE that puts the original value back. Debezium decodes both (two events, same transaction): the first
// carries the marker in `after` and is the one traced; no other session ever sees the marked value, and the table
// ends as it was (only what its own triggers touch, such as updated_at, moves). An INSERT would leave a row behind,
// or need a DELETE that a table with foreign keys may refuse.

export interface TableShape {
  schema: string;
  table: string;
  key: string[];
  /** The text column that carries the marker and its declared length (null: unbounded). */
  column: string;
  maxLength: number | null;
}

interface ColumnRow {
  name: string;
  type: string;
  max: number | null;
  in_key: boolean;
}

/** The table's primary key and a text column to mark; AppErrors name what is missing. */
export async function tableShape(c: pg.ClientBase, schema: string, table: string): Promise<TableShape> {
  const rows = (
    await c.query<ColumnRow>(
      `SELECT a.attname AS name, t.typname AS type,
              CASE WHEN t.typname IN ('varchar', 'bpchar') AND a.atttypmod > 4 THEN a.atttypmod - 4 END AS max,
              COALESCE(a.attnum = ANY (i.indkey), false) AS in_key
         FROM pg_attribute a
         JOIN pg_class r ON r.oid = a.attrelid
         JOIN pg_namespace n ON n.oid = r.relnamespace
         JOIN pg_type t ON t.oid = a.atttypid
         LEFT JOIN pg_index i ON i.indrelid = r.oid AND i.indisprimary
        WHERE n.nspname = $1 AND r.relname = $2 AND r.relkind IN ('r', 'p') AND a.attnum > 0 AND NOT a.attisdropped AND a.attgenerated = ''
        ORDER BY a.attnum`,
      [schema, table],
    )
  ).rows;
  const full = `${schema}.${table}`;
  if (!rows.length) throw new AppError(404, "trace_table_not_found", `Table ${full} does not exist in the OLTP database.`, "postgres", { params: { table: full } });
  const key = rows.filter((r) => r.in_key).map((r) => r.name);
  if (!key.length) throw new AppError(422, "trace_table_no_key", `Table ${full} has no primary key: its events cannot be matched by key. Add one (the CDC doctor explains why Debezium needs it).`, "console", { params: { table: full } });
  const text = rows.find((r) => !r.in_key && (r.type === "text" || (r.type === "varchar" && (r.max === null || r.max >= 20))));
  if (!text) throw new AppError(422, "trace_table_no_text_column", `Table ${full} has no text column (text or varchar of 20+ characters) outside its key to write the trace's marker into.`, "console", { params: { table: full } });
  return { schema, table, key, column: text.name, maxLength: text.max };
}

/** The row the trace changes: any one row of the table (its key values as text). */
export async function pickRow(shape: TableShape): Promise<Record<string, string>> {
  const full = `${shape.schema}.${shape.table}`;
  const keyCols = shape.key.map(ident);
  const row = await readOnly("oltp", `trace: pick a row of ${full}`, async (c) =>
    (await c.query<Record<string, string>>(`SELECT ${keyCols.map((k, i) => `${k}::text AS k${i}`).join(", ")} FROM ${qualified(shape.schema, shape.table)} LIMIT 1`)).rows[0],
  );
  if (!row) throw new AppError(409, "trace_table_empty", `Table ${full} has no row the trace can change: it is empty.`, "console", { params: { table: full } });
  return Object.fromEntries(shape.key.map((k, i) => [k, row[`k${i}`]!]));
}

/** Makes the marked change (and its restore) in one transaction on the row `key`; answers the commit's evidence. */
export async function makeMarkedChange(shape: TableShape, marker: string, key: Record<string, string>): Promise<CommitHop> {
  const t = qualified(shape.schema, shape.table);
  const col = ident(shape.column);
  const keyValues = shape.key.map((k) => key[k]!);
  const whereFrom = (first: number) => shape.key.map((k, i) => `${ident(k)} = $${i + first}`).join(" AND ");
  const where = whereFrom(2);
  const full = `${shape.schema}.${shape.table}`;
  const done = await readWrite("oltp", `trace: change one row of ${full}`, async (c) => {
    const row = (await c.query<{ v: string | null }>(`SELECT ${col}::text AS v FROM ${t} WHERE ${whereFrom(1)} FOR UPDATE`, keyValues)).rows[0];
    if (!row) throw new AppError(409, "trace_row_gone", `The row of ${full} the trace picked was deleted meanwhile; start the trace again.`, "console", { params: { table: full } });
    await c.query(`UPDATE ${t} SET ${col} = $1 WHERE ${where}`, [markedValue(row.v, marker, shape.maxLength), ...keyValues]);
    await c.query(`UPDATE ${t} SET ${col} = $1 WHERE ${where}`, [row.v, ...keyValues]);
    return (await c.query<{ txid: string; at: Date }>("SELECT txid_current()::text AS txid, clock_timestamp() AS at")).rows[0]!;
  });
  const noticedAt = new Date();
  let lsn: string;
  try {
    lsn = (await pool("oltp").query<{ lsn: string }>("SELECT pg_current_wal_lsn()::text AS lsn")).rows[0]!.lsn;
  } catch (e) {
    throw pgError(e, "trace: read the WAL position");
  }
  return { at: done.at.toISOString(), txid: done.txid, lsn, key, column: shape.column, noticedAt: noticedAt.toISOString() };
}
