// The generators against the lab's real PostgreSQL (database liga_sudoers; runs stored in lab_console).
// Each test checks the rows its own run wrote (ids reported by the engine): the database is shared.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { connectionOptions } from "../pg/client";
import { deletePersonWithoutOrders, runGenerator, type RowsObserver } from "./run/engine";
import { emptyBatch } from "./rows/orders";
import { startParams, type StartInput } from "./shared/params";
import { MAX_AGE, MIN_AGE } from "./rows/people";
import { Progress } from "./run/progress";
import { generatorRegistry } from "./registry";
import { ageOn, CATEGORIES_BY_PROFILE, FRAUD_DEVICES, FRAUD_GEOHASHES, LEGIT_DEVICE, LEGIT_GEOHASHES, profileOf, sexoFromName, type Sexo } from "./rows/rules";
import { insertOrders, insertPeople, pedidosSequence } from "./run/sql";

let pool: pg.Pool;
beforeAll(() => {
  pool = new pg.Pool({ ...connectionOptions("oltp"), max: 6 });
});
afterAll(async () => {
  await pool.end();
});

interface Collected {
  pedidos: number[];
  inserted: number[];
  updated: number[];
  deleted: number[];
}

async function run(input: StartInput, seed: number, signal = new AbortController().signal) {
  const progress = new Progress();
  const rows: Collected = { pedidos: [], inserted: [], updated: [], deleted: [] };
  const observe: RowsObserver = {
    pedidos: (ids) => rows.pedidos.push(...ids),
    pessoasInserted: (ids) => rows.inserted.push(...ids),
    pessoasUpdated: (ids) => rows.updated.push(...ids),
    pessoasDeleted: (ids) => rows.deleted.push(...ids),
  };
  await runGenerator(startParams.parse(input), { pool, signal, progress, seed, observe });
  return { progress, rows };
}

interface OrderRow {
  id: number;
  id_pessoa: string;
  days_back: number;
  valor_total: string;
  items_total: string | null;
  items: number;
  items_exact: boolean | null;
  cats: number[] | null;
  sexo: Sexo;
  dt_nasc: string;
  dispositivo: string | null;
  geohash: string | null;
  telefone: string | null;
}

/** Reads the orders back and checks every rule of the seed; returns what the counts need. */
async function checkOrders(ids: number[], backDated: boolean) {
  const res = await pool.query<OrderRow>(
    `SELECT p.id, p.id_pessoa, (current_date - p.dt_venda::date) AS days_back, p.valor_total::text,
            s.sexo, s.dt_nasc::text, a.dispositivo, a.geohash, a.telefone,
            i.items_total::text, i.items, i.items_exact, i.cats
     FROM pedidos p
     JOIN pessoas s ON s.id = p.id_pessoa
     LEFT JOIN auditoria_pedidos a ON a.id_pedido = p.id
     LEFT JOIN LATERAL (
       SELECT sum(it.valor_total) AS items_total, count(*)::int AS items,
              bool_and(it.qtde = 1 AND it.valor_total = pr.valor_unit) AS items_exact, array_agg(pr.id_categoria) AS cats
       FROM itens_pedidos it JOIN produtos pr ON pr.id = it.id_produto WHERE it.id_pedido = p.id
     ) i ON true
     WHERE p.id = ANY($1::int[])`,
    [ids],
  );
  const today = new Date();
  let fraud = 0;
  let items = 0;
  const problems: string[] = [];
  for (const r of res.rows) {
    const profile = profileOf(r.sexo, ageOn(r.dt_nasc, today));
    items += r.items;
    if (r.items < 1 || r.items > 5) problems.push(`order ${r.id}: ${r.items} items`);
    if (r.items_total !== r.valor_total) problems.push(`order ${r.id}: total ${r.valor_total} ≠ items ${r.items_total}`);
    if (!r.items_exact) problems.push(`order ${r.id}: an item is not qtde 1 at the product's price`);
    for (const c of r.cats ?? []) if (!CATEGORIES_BY_PROFILE[profile].includes(c)) problems.push(`order ${r.id}: category ${c} sold to ${profile}`);
    if (backDated ? r.days_back < 1 || r.days_back > 180 : r.days_back !== 0) problems.push(`order ${r.id}: dated ${r.days_back} days back`);
    if (r.dispositivo === null) {
      problems.push(`order ${r.id}: no audit row`);
      continue;
    }
    if (r.telefone !== r.id_pessoa.slice(-9)) problems.push(`order ${r.id}: telefone ${r.telefone}`);
    const legitDevice = r.dispositivo === LEGIT_DEVICE[r.sexo];
    const legitGeohash = LEGIT_GEOHASHES[profile].includes(r.geohash!);
    if (!legitDevice || !legitGeohash) {
      fraud++;
      // fraud changes exactly one of the two, to a value outside the legit sets
      const oneChanged = legitDevice !== legitGeohash;
      const outside = legitDevice ? FRAUD_GEOHASHES.includes(r.geohash!) : FRAUD_DEVICES.includes(r.dispositivo);
      if (!oneChanged || !outside) problems.push(`order ${r.id}: bad fraud row ${r.dispositivo}/${r.geohash} for ${profile}`);
    }
  }
  expect(problems.slice(0, 10)).toEqual([]);
  return { found: res.rows.length, fraud, items, people: new Set(res.rows.map((r) => Number(r.id_pessoa))) };
}

/** A whole run read back: the seed's rules, every order there, the run's item and fraud counts, fraud at `fraudRate` ± 0.2 points. */
async function checkRun(ids: number[], backDated: boolean, counts: { itensPedidos: number; fraud: number }, want: { orders: number; fraudRate: number }) {
  const seen = await checkOrders(ids, backDated);
  expect(seen.found).toBe(want.orders);
  expect(seen.items).toBe(counts.itensPedidos);
  expect(seen.fraud).toBe(counts.fraud);
  expect(Math.abs(seen.fraud / want.orders - want.fraudRate)).toBeLessThanOrEqual(0.002);
  return seen;
}

describe("historical generator", () => {
  it("adds 100,000 whole orders for existing people: exact counts, 1 % fraud ± 0.2 points, the seed's rules", async () => {
    const before = new Set((await pool.query<{ id: string }>("SELECT id FROM pessoas")).rows.map((r) => Number(r.id)));
    const { progress, rows } = await run({ generator: "historical", orders: 100_000 }, 4242);

    expect(progress.counts).toMatchObject({ events: 100_000, pedidos: 100_000, auditoriaPedidos: 100_000, pessoas: 0, errors: 0 });
    expect(new Set(rows.pedidos).size).toBe(100_000);
    const seen = await checkRun(rows.pedidos, true, progress.counts, { orders: 100_000, fraudRate: 0.01 });
    // no new customers: every order belongs to someone who existed before the run
    for (const id of seen.people) expect(before.has(id)).toBe(true);
  }, 120_000);

  it("repeats the same orders for the same seed", async () => {
    const read = async (ids: number[]) =>
      (
        await pool.query(
          `SELECT p.id_pessoa, current_date - p.dt_venda::date AS days, p.valor_total, a.dispositivo, a.geohash,
                  (SELECT array_agg(id_produto ORDER BY id_produto) FROM itens_pedidos WHERE id_pedido = p.id) AS produtos
           FROM unnest($1::int[]) WITH ORDINALITY AS u(id, ord) JOIN pedidos p ON p.id = u.id JOIN auditoria_pedidos a ON a.id_pedido = p.id
           ORDER BY u.ord`,
          [ids],
        )
      ).rows;
    const a = await run({ generator: "historical", orders: 700, batchSize: 100, connections: 1 }, 99);
    const b = await run({ generator: "historical", orders: 700, batchSize: 100, connections: 1 }, 99);
    const c = await run({ generator: "historical", orders: 700, batchSize: 100, connections: 1 }, 100);
    expect(await read(b.rows.pedidos)).toEqual(await read(a.rows.pedidos));
    expect(await read(c.rows.pedidos)).not.toEqual(await read(a.rows.pedidos));
  });

  it("stopped mid-run, leaves only whole orders and counts exactly what it wrote", async () => {
    const controller = new AbortController();
    const progress = new Progress();
    const ids: number[] = [];
    const done = runGenerator(startParams.parse({ generator: "historical", orders: 5_000_000, batchSize: 2_000 }), {
      pool,
      signal: controller.signal,
      progress,
      seed: 7,
      observe: {
        pedidos: (batch) => {
          ids.push(...batch);
          if (ids.length >= 10_000) controller.abort(); // stop while batches are in flight
        },
      },
    });
    await done;
    expect(progress.counts.pedidos).toBe(ids.length);
    expect(ids.length).toBeGreaterThanOrEqual(10_000);
    expect(ids.length).toBeLessThan(5_000_000);
    expect(ids.length % 2_000).toBe(0); // whole batches only
    const seen = await checkOrders(ids, true);
    expect(seen.found).toBe(ids.length);
    expect(seen.items).toBe(progress.counts.itensPedidos);
  });
});

describe("streaming generator", () => {
  it("adds one new person per order and current orders: exact counts, 5 % fraud ± 0.2 points, the seed's rules", async () => {
    const { progress, rows } = await run({ generator: "streaming", rate: null, orders: 4_000 }, 5151);
    expect(progress.counts).toMatchObject({ events: 4_000, pessoas: 4_000, pedidos: 4_000, auditoriaPedidos: 4_000, errors: 0 });
    expect(new Set(rows.inserted).size).toBe(4_000);

    await checkRun(rows.pedidos, false, progress.counts, { orders: 4_000, fraudRate: 0.05 });

    const people = await pool.query<{ id: string; nome: string; sexo: Sexo; dt_nasc: string }>(
      `SELECT id, nome, sexo, dt_nasc::text FROM pessoas WHERE id = ANY($1::bigint[])`,
      [rows.inserted],
    );
    expect(people.rowCount).toBe(4_000);
    const today = new Date();
    for (const p of people.rows) {
      expect(p.id).toMatch(/^\d{11}$/);
      expect(p.sexo).toBe(sexoFromName(p.nome));
      const age = ageOn(p.dt_nasc, today);
      expect(age).toBeGreaterThanOrEqual(MIN_AGE);
      expect(age).toBeLessThanOrEqual(MAX_AGE);
    }
  }, 120_000);

  it("at a rate for a duration writes exactly rate × duration orders", async () => {
    const { progress, rows } = await run({ generator: "streaming", rate: 50, durationS: 2 }, 77);
    expect(progress.counts.events).toBe(100);
    expect(rows.pedidos).toHaveLength(100);
    expect(rows.inserted).toHaveLength(100);
  });
});

describe("cdc demo", () => {
  it("inserts, updates (+ \" (Atualizado)\") and deletes its own people, one event per operation", async () => {
    const { progress, rows } = await run({ generator: "cdc", rate: null, operations: 90, scope: "own" }, 31);
    expect(progress.counts.events).toBe(90);
    expect(progress.counts.pessoas + progress.counts.pessoasUpdated + progress.counts.pessoasDeleted).toBe(90);
    expect(rows.inserted).toHaveLength(progress.counts.pessoas);
    expect(rows.deleted).toHaveLength(progress.counts.pessoasDeleted);
    expect(progress.counts.pessoasUpdated).toBeGreaterThan(10);
    expect(progress.counts.pessoasDeleted).toBeGreaterThan(10);

    const alive = rows.inserted.filter((id) => !rows.deleted.includes(id));
    const left = await pool.query<{ id: string; nome: string }>(`SELECT id, nome FROM pessoas WHERE id = ANY($1::bigint[])`, [rows.inserted]);
    expect(left.rows.map((r) => Number(r.id)).sort()).toEqual(alive.sort());
    for (const id of rows.updated.filter((u) => alive.includes(u))) {
      expect(left.rows.find((r) => Number(r.id) === id)!.nome).toMatch(/ \(Atualizado\)$/);
    }
  });

  it("deletes only people without orders", async () => {
    const a = { id: 90_000_000_000 + Math.floor(Math.random() * 9_000_000_000), nome: "Teste Geradores Com Pedido", sexo: "M" as const, dtNasc: "1990-01-01" };
    const b = { ...a, id: a.id + 1, nome: "Teste Geradores Sem Pedido" };
    expect((await insertPeople(pool, [a, b])).size).toBe(2);
    const batch = emptyBatch();
    Object.assign(batch, { pessoa: [a.id], daysBack: [0], cents: [1000], dispositivo: ["Samsung"], geohash: ["6gyf"], itemOrder: [1], itemProduto: [1], itemCents: [1000] });
    const [orderId] = (await insertOrders(pool, batch, await pedidosSequence(pool), true))!;
    try {
      expect(await deletePersonWithoutOrders(pool, { scope: "own", id: a.id })).toBeNull();
      expect(await deletePersonWithoutOrders(pool, { scope: "own", id: b.id })).toBe(b.id);
      expect((await pool.query("SELECT 1 FROM pessoas WHERE id = $1", [a.id])).rowCount).toBe(1);
    } finally {
      await pool.query("DELETE FROM itens_pedidos WHERE id_pedido = $1", [orderId]);
      await pool.query("DELETE FROM auditoria_pedidos WHERE id_pedido = $1", [orderId]);
      await pool.query("DELETE FROM pedidos WHERE id = $1", [orderId]);
      await pool.query("DELETE FROM pessoas WHERE id = ANY($1::bigint[])", [[a.id, b.id]]);
    }
  });
});

describe("the console's registry", () => {
  const registry = generatorRegistry();

  it("refuses a second start of a running generator with a clear message, stops it, and stores the run", async () => {
    const first = await registry.start(startParams.parse({ generator: "streaming", rate: 5, fraudShare: 0.05 }), "integ-test");
    try {
      const refused = await registry.start(startParams.parse({ generator: "streaming", rate: 50 }), "integ-test").catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(AppError);
      expect(refused).toMatchObject({ status: 409, code: "generator_running" });
      expect((refused as AppError).message).toMatch(new RegExp(`streaming generator is already running \\(run #${first.id}.*stop it first`));
      // another process (the CLI, another console) is refused by the stored row's unique index
      const elsewhere = await registry.store.create(startParams.parse({ generator: "streaming" }), "other-process").catch((e: unknown) => e);
      expect(elsewhere).toMatchObject({ status: 409, code: "generator_running" });

      await expect.poll(() => registry.liveRuns().find((r) => r.id === first.id)?.counts.events ?? 0, { timeout: 10_000 }).toBeGreaterThan(0);
    } finally {
      const stopped = await registry.stop("streaming");
      expect(stopped.status).toBe("stopped");
    }
    const row = await registry.store.get(BigInt(first.id));
    expect(row).toMatchObject({ status: "stopped", startedBy: "integ-test" });
    expect(row!.endedAt).toBeInstanceOf(Date);
    expect((row!.counts as { events: number }).events).toBeGreaterThan(0);
    expect((row!.params as { seed?: number }).seed).toBeTypeOf("number");
    await expect(registry.stop("streaming")).rejects.toMatchObject({ status: 409, code: "generator_not_running" });
  });

  it("marks a run whose process stopped beating as interrupted", async () => {
    const prisma = (await import("../db")).db();
    const ghost = await prisma.generatorRun.create({
      data: { generator: "cdc", status: "running", params: { generator: "cdc" }, heartbeatAt: new Date(Date.now() - 60_000), startedBy: "ghost" },
    });
    try {
      const states = await registry.states();
      expect(await registry.store.get(ghost.id)).toMatchObject({ status: "interrupted", endedAt: expect.any(Date) });
      // the screen shows it as interrupted (or shows a newer cdc run), never as running
      if (states.cdc?.id === ghost.id.toString()) expect(states.cdc.status).toBe("interrupted");
    } finally {
      await prisma.generatorRun.delete({ where: { id: ghost.id } });
    }
  });
});
