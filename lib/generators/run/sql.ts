// The generators' SQL against the OLTP database (liga_sudoers). Every statement is parameterized:
// rows travel as arrays and are expanded by unnest(), so one statement inserts a whole batch.
import "server-only";
import type pg from "pg";
import type { OrderBatch, Person, Product } from "../rows/orders";
import { ageOn, FRAUD_DEVICES, FRAUD_GEOHASHES, profileOf, type Sexo } from "../rows/rules";

export type Db = pg.Pool | pg.PoolClient | pg.Client;

/**
 * One batch of orders in ONE statement (hence one transaction when sent alone): pedidos ids are drawn from
 * the sequence first, so its itens_pedidos and auditoria_pedidos rows reference them in the same statement.
 * A failure inserts nothing; an order never exists without its items and audit row.
 */
export const INSERT_ORDERS_SQL = `
WITH o AS MATERIALIZED (
  SELECT u.ord, COALESCE(($11::int[])[u.ord], nextval($9::regclass)::int) AS id, u.pessoa, u.days, u.cents, u.disp, u.geo
  FROM unnest($1::bigint[], $2::int[], $3::int[], $4::text[], $5::text[]) WITH ORDINALITY AS u(pessoa, days, cents, disp, geo, ord)
), ins_pedidos AS (
  INSERT INTO pedidos (id, id_pessoa, dt_venda, valor_total)
  SELECT id, pessoa, localtimestamp - days * interval '1 day', cents / 100.0 FROM o
), ins_itens AS (
  INSERT INTO itens_pedidos (id_pedido, id_produto, qtde, valor_total)
  SELECT o.id, i.produto, 1, i.cents / 100.0
  FROM unnest($6::int[], $7::int[], $8::int[]) AS i(ord, produto, cents) JOIN o ON o.ord = i.ord
), ins_auditoria AS (
  INSERT INTO auditoria_pedidos (id_pedido, dispositivo, geohash, telefone)
  SELECT id, disp, geo, right(pessoa::text, 9) FROM o
)
SELECT CASE WHEN $10::bool THEN array_agg(id ORDER BY ord) END AS ids FROM o`;

/**
 * Inserts the batch; returns the new pedidos ids in batch order when `returnIds` (tests, observers). `ids`: the
 * pedidos ids to use, reserved beforehand (reservePedidosIds), one per order; null draws them in the statement.
 */
export async function insertOrders(db: Db, batch: OrderBatch, pedidosSequence: string, returnIds = false, ids: readonly number[] | null = null): Promise<number[] | null> {
  const res = await db.query<{ ids: number[] | null }>(INSERT_ORDERS_SQL, [
    batch.pessoa,
    batch.daysBack,
    batch.cents,
    batch.dispositivo,
    batch.geohash,
    batch.itemOrder,
    batch.itemProduto,
    batch.itemCents,
    pedidosSequence,
    returnIds,
    ids,
  ]);
  return res.rows[0]?.ids ?? null;
}

// ---- the bulk path of the historical generator ----
// PostgreSQL checks a foreign key with one SPI query per inserted row: a batch of 5,000 orders (≈15,000 items)
// fires 40,000 of them, about 70 % of the statement's time (EXPLAIN ANALYZE, with 0 or 1,000,000 orders in the
// tables alike). The bulk path does the same checks once per batch instead: it locks the distinct people and
// products the batch references FOR KEY SHARE (what each row's trigger would lock; a concurrent DELETE waits
// for the commit) and fails with foreign_key_violation when one is missing, then inserts with the
// per-row triggers off for this transaction only (SET LOCAL session_replication_role = replica). The pedidos
// rows that items and audit rows reference are inserted by the same statement. Used only when the tables
// carry exactly the lab's four foreign keys and no insert trigger of their own (see bulkInsertAllowed).

/** The foreign keys the bulk path checks itself, as "table→referenced table". */
const CHECKED_FOREIGN_KEYS = ["auditoria_pedidos→pedidos", "itens_pedidos→pedidos", "itens_pedidos→produtos", "pedidos→pessoas"];

/**
 * True when the bulk path keeps every guarantee of the per-row triggers here: the role may set
 * session_replication_role, the order tables have no foreign key but the four it checks, and no trigger
 * that fires on INSERT (a student's audit trigger keeps firing: the generator then takes the plain path).
 */
export async function bulkInsertAllowed(db: Db): Promise<boolean> {
  const res = await db.query<{ fks: string[] | null; insert_triggers: number; may_set: boolean }>(
    `SELECT
       (SELECT array_agg(c.conrelid::regclass::text || '→' || c.confrelid::regclass::text ORDER BY c.conrelid::regclass::text, c.confrelid::regclass::text)
          FROM pg_constraint c WHERE c.contype = 'f' AND c.conrelid IN ('pedidos'::regclass, 'itens_pedidos'::regclass, 'auditoria_pedidos'::regclass)) AS fks,
       (SELECT count(*)::int FROM pg_trigger t
          WHERE t.tgrelid IN ('pedidos'::regclass, 'itens_pedidos'::regclass, 'auditoria_pedidos'::regclass) AND NOT t.tgisinternal AND (t.tgtype & 4) <> 0) AS insert_triggers,
       (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) OR has_parameter_privilege('session_replication_role', 'SET') AS may_set`,
  );
  const row = res.rows[0];
  return Boolean(row && row.may_set && row.insert_triggers === 0 && JSON.stringify(row.fks ?? []) === JSON.stringify(CHECKED_FOREIGN_KEYS));
}

/** An error PostgreSQL would have raised itself: callers treat both alike (isForeignKeyViolation). */
class MissingReference extends Error {
  readonly code = "23503";
}

/**
 * The batch in one transaction on `client`, with the foreign keys checked once per batch (see above).
 * Four round trips instead of one, for a statement about three times cheaper.
 */
export async function insertOrdersBulk(
  client: pg.PoolClient | pg.Client,
  batch: OrderBatch,
  pedidosSequence: string,
  returnIds = false,
  reserved: readonly number[] | null = null,
): Promise<number[] | null> {
  const pessoas = [...new Set(batch.pessoa)];
  const produtos = [...new Set(batch.itemProduto)];
  await client.query("BEGIN; SET LOCAL session_replication_role = replica");
  try {
    const found = await client.query<{ pessoas: number; produtos: number }>(
      `SELECT (SELECT count(*)::int FROM (SELECT 1 FROM pessoas WHERE id = ANY($1::bigint[]) FOR KEY SHARE) p) AS pessoas,
              (SELECT count(*)::int FROM (SELECT 1 FROM produtos WHERE id = ANY($2::int[]) FOR KEY SHARE) q) AS produtos`,
      [pessoas, produtos],
    );
    const f = found.rows[0]!;
    if (f.pessoas !== pessoas.length) throw new MissingReference(`${pessoas.length - f.pessoas} of the batch's people no longer exist in pessoas`);
    if (f.produtos !== produtos.length) throw new MissingReference(`${produtos.length - f.produtos} of the batch's products no longer exist in produtos`);
    const ids = await insertOrders(client, batch, pedidosSequence, returnIds, reserved);
    await client.query("COMMIT");
    return ids;
  } catch (e) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw e;
  }
}

export interface NewPerson {
  id: number;
  nome: string;
  sexo: Sexo;
  /** YYYY-MM-DD */
  dtNasc: string;
}

/** Inserts people; returns the ids actually inserted (an id already taken is skipped, never overwritten). */
export async function insertPeople(db: Db, people: readonly NewPerson[]): Promise<Set<number>> {
  const res = await db.query<{ id: string }>(
    `INSERT INTO pessoas (id, nome, sexo, dt_nasc)
     SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::date[])
     ON CONFLICT (id) DO NOTHING RETURNING id`,
    [people.map((p) => p.id), people.map((p) => p.nome), people.map((p) => p.sexo), people.map((p) => p.dtNasc)],
  );
  return new Set(res.rows.map((r) => Number(r.id)));
}

export async function loadProducts(db: Db): Promise<Product[]> {
  const res = await db.query<{ id: number; categoria: number; cents: number }>(
    `SELECT id, id_categoria AS categoria, round(valor_unit * 100)::int AS cents FROM produtos ORDER BY id`,
  );
  return res.rows;
}

/** At most `cap` people (a random sample when there are more), with their profile on `today`. */
export async function loadPeople(db: Db, cap: number, today: Date): Promise<Person[]> {
  const res = await db.query<{ id: string; sexo: string; dt_nasc: string }>(
    `SELECT id, sexo, dt_nasc::text AS dt_nasc FROM pessoas
     ORDER BY CASE WHEN (SELECT count(*) FROM pessoas) > $1 THEN random() ELSE 0 END, id LIMIT $1`,
    [cap],
  );
  return res.rows.map((r) => personFrom(Number(r.id), r.sexo, r.dt_nasc, today));
}

export function personFrom(id: number, sexo: string, dtNasc: string, today: Date): Person {
  const s: Sexo = sexo === "F" ? "F" : "M";
  return { id, sexo: s, profile: profileOf(s, ageOn(dtNasc, today)) };
}

/** Which of `ids` still exist (people may be deleted by the CDC demo while a generator runs). */
export async function existingPeople(db: Db, ids: readonly number[]): Promise<Set<number>> {
  const res = await db.query<{ id: string }>(`SELECT id FROM pessoas WHERE id = ANY($1::bigint[])`, [ids]);
  return new Set(res.rows.map((r) => Number(r.id)));
}

export async function pedidosSequence(db: Db): Promise<string> {
  const res = await db.query<{ seq: string | null }>(`SELECT pg_get_serial_sequence('pedidos', 'id') AS seq`);
  const seq = res.rows[0]?.seq;
  if (!seq) throw new Error("pedidos.id has no sequence: is this the lab's OLTP schema (lab/sql/oltp-schema.sql)?");
  return seq;
}

/** PostgreSQL's foreign_key_violation: a person vanished between our pick and our insert. */
export function isForeignKeyViolation(e: unknown): boolean {
  return (e as { code?: string })?.code === "23503";
}

// ---- attributing orders to a run ----
// A run reserves its pedidos ids from the sequence in chunks and stores each chunk's ranges in its row before it
// uses them, so the orders of a run that died (SIGKILL, a crash) are counted from the database when it is recovered.

/** An inclusive range of pedidos ids. */
export type IdRange = [lo: number, hi: number];

/** `n` fresh ids from the sequence (one statement); returns them ascending. */
export async function reservePedidosIds(db: Db, pedidosSequence: string, n: number): Promise<number[]> {
  const res = await db.query<{ ids: number[] }>(`SELECT array_agg(nextval($1::regclass)::int ORDER BY g) AS ids FROM generate_series(1, $2::int) g`, [pedidosSequence, n]);
  return [...(res.rows[0]?.ids ?? [])].sort((a, b) => a - b);
}

/** Ascending ids as inclusive ranges ([1,2,3,7] → [[1,3],[7,7]]). */
export function toRanges(ids: readonly number[]): IdRange[] {
  const out: IdRange[] = [];
  for (const id of ids) {
    const last = out[out.length - 1];
    if (last && id === last[1] + 1) last[1] = id;
    else out.push([id, id]);
  }
  return out;
}

export interface CommittedOrders {
  pedidos: number;
  itensPedidos: number;
  auditoriaPedidos: number;
  fraud: number;
}

/** What the orders with ids in `ranges` hold now: a recovered run's counts, from the rows themselves. */
export async function countCommittedOrders(db: Db, ranges: readonly IdRange[]): Promise<CommittedOrders> {
  const res = await db.query<CommittedOrders>(
    `WITH r AS (SELECT * FROM unnest($1::int[], $2::int[]) AS r(lo, hi)),
          p AS MATERIALIZED (SELECT p.id FROM pedidos p JOIN r ON p.id BETWEEN r.lo AND r.hi)
     SELECT (SELECT count(*) FROM p)::int AS pedidos,
            (SELECT count(*) FROM itens_pedidos i WHERE i.id_pedido IN (SELECT id FROM p))::int AS "itensPedidos",
            (SELECT count(*) FROM auditoria_pedidos a WHERE a.id_pedido IN (SELECT id FROM p))::int AS "auditoriaPedidos",
            (SELECT count(*) FROM auditoria_pedidos a WHERE a.id_pedido IN (SELECT id FROM p)
               AND (a.dispositivo = ANY($3::text[]) OR a.geohash = ANY($4::text[])))::int AS fraud`,
    [ranges.map((r) => r[0]), ranges.map((r) => r[1]), FRAUD_DEVICES, FRAUD_GEOHASHES],
  );
  return res.rows[0]!;
}
