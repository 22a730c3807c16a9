// The three generators (historical, streaming, cdc demo): the loops that build batches and write them.
// No Next.js imports: the console (lib/generators/registry.ts), the CLI (scripts/gen.ts), the tests and the
// benchmark all run this same code with their own pg pool (the CLIs under `tsx --conditions=react-server`).
import "server-only";
import type pg from "pg";
import { emptyBatch, catalogFrom, emptyProfiles, OrderMaker, type Catalog, type OrderBatch, type Person } from "../rows/orders";
import { Pacer, sleep } from "./pace";
import type { CdcParams, HistoricalParams, StartParams, StreamingParams } from "../shared/params";
import { PersonFactory } from "../rows/people";
import type { Progress } from "./progress";
import { createRng, type Rng } from "../rows/random";
import { FraudDice } from "../rows/rules";
import {
  bulkInsertAllowed,
  existingPeople,
  insertOrders,
  insertOrdersBulk,
  insertPeople,
  isForeignKeyViolation,
  loadPeople,
  loadProducts,
  pedidosSequence,
  personFrom,
  reservePedidosIds,
  toRanges,
  type Db,
  type IdRange,
  type NewPerson,
} from "./sql";
import { AppError } from "../../errors";

/** Most people kept in memory to pick customers from (a random sample when pessoas holds more). */
export const PEOPLE_POOL_CAP = 200_000;
/** Consecutive failed batches before a run gives up. */
const MAX_CONSECUTIVE_FAILURES = 3;

export interface EngineDeps {
  /** A pool on the OLTP database (liga_sudoers). */
  pool: pg.Pool;
  /** Aborting stops the run after the batches in flight commit. */
  signal: AbortSignal;
  progress: Progress;
  /** The seed actually used (params.seed, or one drawn for the run). */
  seed: number;
  /** Told the ids of the rows each committed transaction wrote (tests; costs a little). */
  observe?: RowsObserver;
  /**
   * When given, pedidos ids are reserved from the sequence in chunks and each chunk's ranges are handed here
   * (and awaited) before any of them is written: the runner stores them, so a run that dies is counted from
   * the rows it committed (RunStore's recovery).
   */
  recordIds?: (ranges: IdRange[]) => Promise<void>;
}

/** Pedidos ids reserved ahead, a chunk at a time (one sequence call and one record per chunk). */
class PedidosIds {
  private ids: number[] = [];
  private refill: Promise<void> | null = null;
  constructor(
    private readonly pool: pg.Pool,
    private readonly sequence: string,
    private readonly chunk: number,
    private readonly record: (ranges: IdRange[]) => Promise<void>,
  ) {}

  /** `n` ids of this run, recorded before they are handed out. */
  async take(n: number): Promise<number[]> {
    while (this.ids.length < n) {
      this.refill ??= (async () => {
        const fresh = await reservePedidosIds(this.pool, this.sequence, Math.max(this.chunk, n));
        await this.record(toRanges(fresh));
        this.ids.push(...fresh);
      })().finally(() => {
        this.refill = null;
      });
      await this.refill;
    }
    return this.ids.splice(0, n);
  }
}

const ignore = () => undefined;

/**
 * A client of `pool` for one transaction. The server going away while the client is checked out but between two
 * queries is emitted as an 'error' event on the client (the pool only listens to idle ones), which would crash the
 * process; the next query rejects with it anyway, so the event is ignored (and the listener goes on release).
 */
async function checkout(pool: pg.Pool): Promise<pg.PoolClient> {
  const client = await pool.connect();
  client.on("error", ignore);
  const release = client.release.bind(client);
  client.release = (err?: Error | boolean) => {
    client.off("error", ignore);
    return release(err);
  };
  return client;
}

/** Ids reserved per chunk: a few batches' worth, so reserving costs little and a run wastes few at its end. */
function idChunk(batchSize: number, workers: number): number {
  return Math.min(100_000, Math.max(100, batchSize * workers * 2));
}

export interface RowsObserver {
  pedidos?(ids: number[]): void;
  pessoasInserted?(ids: number[]): void;
  pessoasUpdated?(ids: number[]): void;
  pessoasDeleted?(ids: number[]): void;
}

export function runGenerator(params: StartParams, deps: EngineDeps): Promise<void> {
  switch (params.generator) {
    case "historical":
      return runHistorical(params, deps);
    case "streaming":
      return runStreaming(params, deps);
    case "cdc":
      return runCdc(params, deps);
  }
}

// ---------------------------------------------------------------------------------------------- pacing

interface PacedLoop {
  rate: number | null;
  /** Most events in total (Infinity: until stopped or the deadline). */
  limit: number;
  durationS?: number;
  /** Most events per step (one step = one transaction). */
  batchSize: number;
  workers: number;
  signal: AbortSignal;
  progress: Progress;
  /** Does `n` events in one transaction; throws when the transaction failed (nothing was written). */
  step: (n: number) => Promise<void>;
  /** Called after a failed step, before it is retried (e.g. to reload people that vanished). */
  recover?: (e: unknown) => Promise<void>;
}

async function runPaced(loop: PacedLoop): Promise<void> {
  const pacer = new Pacer(loop.rate);
  pacer.begin();
  const started = performance.now();
  const deadline = loop.durationS ? started + loop.durationS * 1000 : Infinity;
  let claimed = 0;
  let fatal: unknown = null;

  const worker = async () => {
    let failures = 0;
    while (!loop.signal.aborted && fatal === null && claimed < loop.limit) {
      const now = performance.now();
      if (now >= deadline && loop.rate === null) return;
      // events due at the deadline itself still run (rate × duration events in all)
      const n = pacer.due(claimed, Math.min(loop.batchSize, loop.limit - claimed), Math.min(now, deadline));
      if (n === 0) {
        if (now >= deadline) return;
        await sleep(Math.min(pacer.waitMs(claimed), deadline - now), loop.signal);
        continue;
      }
      claimed += n;
      for (;;) {
        try {
          await loop.step(n);
          failures = 0;
          break;
        } catch (e) {
          failures += 1;
          if (!isForeignKeyViolation(e)) loop.progress.error(messageOf(e));
          if (failures >= MAX_CONSECUTIVE_FAILURES || loop.signal.aborted || fatal !== null) {
            claimed -= n;
            fatal ??= e;
            return;
          }
          try {
            await loop.recover?.(e);
          } catch (recoverError) {
            fatal ??= recoverError;
            return;
          }
          if (!isForeignKeyViolation(e)) await sleep(250 * 2 ** failures, loop.signal);
        }
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, loop.workers) }, worker));
  if (fatal !== null) throw fatal;
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

// ---------------------------------------------------------------------------------------- shared setup

interface OrderSetup {
  catalog: Catalog;
  sequence: string;
  people: PeoplePool;
  today: Date;
}

async function orderSetup(pool: pg.Pool, rng: Rng): Promise<OrderSetup> {
  const today = new Date();
  const [products, sequence, people] = await Promise.all([loadProducts(pool), pedidosSequence(pool), loadPeople(pool, PEOPLE_POOL_CAP, today)]);
  const catalog = catalogFrom(products);
  const empty = emptyProfiles(catalog);
  if (empty.length > 0) {
    throw new AppError(
      409,
      "no_products",
      `No products to sell to ${empty.join(", ")}: produtos has none in their categories. Load the lab's seed (npm run lab:up loads lab/sql/oltp-seed.sql).`,
      "postgres",
      { params: { categories: empty.join(", ") } },
    );
  }
  return { catalog, sequence, people: new PeoplePool(people, PEOPLE_POOL_CAP, rng), today };
}

/** The customers a generator picks from: the people loaded at the start plus the ones it added. */
export class PeoplePool {
  private readonly people: Person[];
  constructor(
    people: Person[],
    private readonly cap: number,
    private readonly rng: Rng,
  ) {
    this.people = people.slice(0, cap);
  }

  get size(): number {
    return this.people.length;
  }

  /** A random person from the pool, or from `extra` (people this very transaction adds). */
  pick(extra: readonly Person[] = []): Person {
    const i = Math.floor(this.rng.next() * (this.people.length + extra.length));
    return i < this.people.length ? this.people[i] : extra[i - this.people.length];
  }

  add(p: Person): void {
    if (this.people.length < this.cap) this.people.push(p);
    else this.people[Math.floor(this.rng.next() * this.cap)] = p; // keep a bounded random sample
  }

  replaceAll(people: Person[]): void {
    this.people.length = 0;
    this.people.push(...people.slice(0, this.cap));
  }

  /** Drops the people that no longer exist among `checked`. */
  retain(checked: readonly number[], existing: Set<number>): void {
    const gone = new Set(checked.filter((id) => !existing.has(id)));
    if (gone.size === 0) return;
    const kept = this.people.filter((p) => !gone.has(p.id));
    this.replaceAll(kept);
  }
}

// ------------------------------------------------------------------------------------------ historical

/** Back-dated orders (now − 1..180 days) for the people and products already there; 1 % fraud by default. */
export async function runHistorical(params: HistoricalParams, deps: EngineDeps): Promise<void> {
  const rng = createRng(deps.seed);
  const setup = await orderSetup(deps.pool, rng);
  if (setup.people.size === 0) {
    throw new AppError(409, "no_people", "pessoas is empty: the historical generator adds orders for existing people only. Run the streaming generator first, or load the lab's seed (npm run lab:up).", "postgres");
  }
  const maker = new OrderMaker(rng, setup.catalog, new FraudDice(params.fraudShare, rng), { backDated: true });
  // Foreign keys checked once per batch instead of once per row, where that keeps their guarantees (sql.ts).
  const bulk = await bulkInsertAllowed(deps.pool);
  const workers = params.rate === null ? params.connections : 1;
  const ids = deps.recordIds ? new PedidosIds(deps.pool, setup.sequence, idChunk(params.batchSize, workers), deps.recordIds) : null;

  await runPaced({
    rate: params.rate,
    limit: params.orders,
    durationS: params.durationS,
    batchSize: params.batchSize,
    // parallel connections only help when running flat out
    workers,
    signal: deps.signal,
    progress: deps.progress,
    step: async (n) => {
      const batch = emptyBatch();
      for (let i = 0; i < n; i++) maker.addOrder(batch, setup.people.pick());
      const returnIds = Boolean(deps.observe?.pedidos);
      const reserved = ids ? await ids.take(n) : null;
      let written: number[] | null;
      if (bulk) {
        const client = await checkout(deps.pool);
        try {
          written = await insertOrdersBulk(client, batch, setup.sequence, returnIds, reserved);
        } finally {
          client.release();
        }
      } else {
        written = await insertOrders(deps.pool, batch, setup.sequence, returnIds, reserved); // one statement: one transaction
      }
      deps.progress.add(orderCounts(batch));
      if (written) deps.observe?.pedidos?.(written);
    },
    recover: async (e) => {
      // a person was deleted (CDC demo) since we loaded them: reload and rebuild the batch
      if (isForeignKeyViolation(e)) setup.people.replaceAll(await loadPeople(deps.pool, PEOPLE_POOL_CAP, setup.today));
      if (setup.people.size === 0) throw new AppError(409, "no_people", "Every person was deleted while the historical generator ran.", "postgres");
    },
  });
}

function orderCounts(batch: OrderBatch) {
  const n = batch.pessoa.length;
  return { events: n, pedidos: n, itensPedidos: batch.itemOrder.length, auditoriaPedidos: n, fraud: batch.frauds };
}

// ------------------------------------------------------------------------------------------- streaming

/** Current orders, each with one new person (the seed: 10 people + 10 orders per cycle); 5 % fraud by default. */
export async function runStreaming(params: StreamingParams, deps: EngineDeps): Promise<void> {
  const rng = createRng(deps.seed);
  const setup = await orderSetup(deps.pool, rng);
  const factory = new PersonFactory(rng, deps.seed, setup.today);
  const maker = new OrderMaker(rng, setup.catalog, new FraudDice(params.fraudShare, rng), { backDated: false });
  const ids = deps.recordIds ? new PedidosIds(deps.pool, setup.sequence, idChunk(params.batchSize, 1), deps.recordIds) : null;

  await runPaced({
    rate: params.rate,
    limit: params.orders ?? Infinity,
    durationS: params.durationS,
    batchSize: params.batchSize,
    workers: 1,
    signal: deps.signal,
    progress: deps.progress,
    step: async (n) => {
      const reserved = ids ? await ids.take(n) : null;
      const client = await checkout(deps.pool);
      let picked: Person[] = [];
      try {
        await client.query("BEGIN");
        const added = await insertNewPeople(client, factory, n, setup.today);
        const batch = emptyBatch();
        picked = Array.from({ length: n }, () => setup.people.pick(added));
        for (const p of picked) maker.addOrder(batch, p);
        const written = await insertOrders(client, batch, setup.sequence, Boolean(deps.observe?.pedidos), reserved);
        await client.query("COMMIT");
        for (const p of added) setup.people.add(p);
        deps.progress.add({ ...orderCounts(batch), pessoas: added.length });
        deps.observe?.pessoasInserted?.(added.map((p) => p.id));
        if (written) deps.observe?.pedidos?.(written);
      } catch (e) {
        await client.query("ROLLBACK").catch(() => undefined);
        if (isForeignKeyViolation(e)) {
          const ids = picked.map((p) => p.id);
          setup.people.retain(ids, await existingPeople(client, ids));
        }
        throw e;
      } finally {
        client.release();
      }
    },
  });
}

/** Inserts `n` new people inside the caller's transaction; an id already taken is drawn again. */
async function insertNewPeople(client: Db, factory: PersonFactory, n: number, today: Date): Promise<Person[]> {
  let pending: NewPerson[] = Array.from({ length: n }, () => factory.make());
  const added: Person[] = [];
  for (let attempt = 0; pending.length > 0; attempt++) {
    if (attempt === 5) throw new AppError(500, "id_collisions", "Could not find free person ids after 5 attempts.", "postgres");
    const inserted = await insertPeople(client, pending);
    for (const p of pending) if (inserted.has(p.id)) added.push(personFrom(p.id, p.sexo, p.dtNasc, today));
    // a taken id is most likely this seed's own person from an earlier run: draw the new one off the seed
    pending = pending.filter((p) => !inserted.has(p.id)).map((p) => ({ ...p, id: factory.unseededId() }));
  }
  return added;
}

// ------------------------------------------------------------------------------------------------- cdc

/**
 * Inserts, updates (nome + " (Atualizado)") and deletes people, one operation per transaction, so the
 * CDC pipeline shows op c, u and d events. Deletes touch only people without orders.
 */
export async function runCdc(params: CdcParams, deps: EngineDeps): Promise<void> {
  const rng = createRng(deps.seed);
  const today = new Date();
  const factory = new PersonFactory(rng, deps.seed, today);
  /** People this run inserted and that still exist (the candidates in scope "own"). */
  const own: number[] = [];
  const target = (): CdcTarget | null => {
    if (params.scope === "all") return { scope: "all", from: factory.newId() };
    return own.length === 0 ? null : { scope: "own", id: own[Math.floor(rng.next() * own.length)] };
  };

  await runPaced({
    rate: params.rate,
    limit: params.operations ?? Infinity,
    durationS: params.durationS,
    batchSize: 1,
    workers: 1,
    signal: deps.signal,
    progress: deps.progress,
    step: async () => {
      const op = rng.pick(["insert", "update", "delete"] as const);
      const who = op === "insert" ? null : target();
      if (op === "update" && who) {
        const id = await updatePerson(deps.pool, who);
        if (id !== null) {
          deps.progress.add({ events: 1, pessoasUpdated: 1 });
          deps.observe?.pessoasUpdated?.([id]);
          return;
        }
      }
      if (op === "delete" && who) {
        const id = await deletePersonWithoutOrders(deps.pool, who);
        if (id !== null) {
          const i = own.indexOf(id);
          if (i >= 0) own.splice(i, 1);
          deps.progress.add({ events: 1, pessoasDeleted: 1 });
          deps.observe?.pessoasDeleted?.([id]);
          return;
        }
      }
      // an insert, or nobody to update or delete (yet): insert, so every step is one event
      const [added] = await insertNewPeople(deps.pool, factory, 1, today);
      own.push(added.id);
      deps.progress.add({ events: 1, pessoas: 1 });
      deps.observe?.pessoasInserted?.([added.id]);
    },
  });
}

/** Whom a CDC update or delete aims at: a given person ("own"), or the first one from a random id on ("all"). */
export type CdcTarget = { scope: "own"; id: number } | { scope: "all"; from: number };

/** Appends " (Atualizado)" to a person's name; returns the id, or null when nobody matched. */
export async function updatePerson(db: Db, who: CdcTarget): Promise<number | null> {
  const res =
    who.scope === "own"
      ? await db.query<{ id: string }>(`UPDATE pessoas SET nome = nome || ' (Atualizado)' WHERE id = $1 AND length(nome) <= 187 RETURNING id`, [who.id])
      : await db.query<{ id: string }>(
          // the first person from a random point on, else the first of all (names stay within varchar(200))
          `UPDATE pessoas SET nome = nome || ' (Atualizado)' WHERE id = COALESCE(
             (SELECT id FROM pessoas WHERE id >= $1 AND length(nome) <= 187 ORDER BY id LIMIT 1),
             (SELECT id FROM pessoas WHERE length(nome) <= 187 ORDER BY id LIMIT 1))
           RETURNING id`,
          [who.from],
        );
  return res.rows[0] ? Number(res.rows[0].id) : null;
}

const WITHOUT_ORDERS = `NOT EXISTS (SELECT 1 FROM pedidos o WHERE o.id_pessoa = p.id)`;

/**
 * Deletes one person who has no orders; returns the id, or null when the target has orders (or nobody
 * qualifies). SKIP LOCKED passes over people another transaction is giving an order right now.
 */
export async function deletePersonWithoutOrders(db: Db, who: CdcTarget): Promise<number | null> {
  try {
    const res =
      who.scope === "own"
        ? await db.query<{ id: string }>(`DELETE FROM pessoas p WHERE p.id = $1 AND ${WITHOUT_ORDERS} RETURNING id`, [who.id])
        : await db.query<{ id: string }>(
            `DELETE FROM pessoas WHERE id = COALESCE(
               (SELECT p.id FROM pessoas p WHERE p.id >= $1 AND ${WITHOUT_ORDERS} ORDER BY p.id LIMIT 1 FOR UPDATE SKIP LOCKED),
               (SELECT p.id FROM pessoas p WHERE ${WITHOUT_ORDERS} ORDER BY p.id LIMIT 1 FOR UPDATE SKIP LOCKED))
             RETURNING id`,
            [who.from],
          );
    return res.rows[0] ? Number(res.rows[0].id) : null;
  } catch (e) {
    // an order for that person committed between our check and our delete: leave them be
    if (isForeignKeyViolation(e)) return null;
    throw e;
  }
}
