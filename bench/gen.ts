// npm run bench:gen — the data generators against the running lab's PostgreSQL, in a database of the bench's own
// (--db, default bench_gen: the lab's schema and seed, filled once to 1,000,000 orders and reused), so that
// neither the lab's liga_sudoers (and whoever captures it with Debezium) nor its size changes the figures:
//  0. where one batch of 5,000 orders spends its time (EXPLAIN ANALYZE, rolled back) in a fresh database and in
//     the bench's one of ≥ 1,000,000 orders: inserts, each foreign key's per-row trigger, and the bulk path;
//  1. the seed's loop as a baseline: the Python script itself when python3 has psycopg2, and always a
//     TypeScript port of it (row by row, a commit per order, products chosen by ORDER BY random()), ~5 s each;
//  2. 1,000,000 historical orders through the same code as the CLI and the console (orders/s, peak RSS);
//  3. the streaming generator's achieved rate against the asked one at 10, 100 and 2,000 events/s.
// Prints a table, then ONE line with a JSON object of the figures. Timing never fails the run.
import { execFileSync, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { loadavg } from "node:os";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { readLabEndpoints, resolveConfig } from "../lib/config-core";
import { PrismaClient } from "../lib/generated/prisma/client";
import { runGenerator } from "../lib/generators/run/engine";
import { startParams } from "../lib/generators/shared/params";
import { Progress } from "../lib/generators/run/progress";
import { createRng } from "../lib/generators/rows/random";
import { catalogFrom, emptyBatch, OrderMaker } from "../lib/generators/rows/orders";
import { INSERT_ORDERS_SQL, loadPeople, loadProducts, pedidosSequence } from "../lib/generators/run/sql";
import { FraudDice } from "../lib/generators/rows/rules";
import { arg } from "./support/args";
import { CATEGORIES_BY_PROFILE, FRAUD_DEVICES, FRAUD_GEOHASHES, LEGIT_DEVICE, LEGIT_GEOHASHES, ageOn, profileOf, type Sexo } from "../lib/generators/rows/rules";
import { startRun } from "../lib/generators/run/runner";
import { RunStore } from "../lib/generators/run/run-store";

const ORDERS = Number(process.env.BENCH_GEN_ORDERS ?? 1_000_000);
const BASELINE_S = 5;
/** Orders of the per-row path's run (the "before"): enough for a steady rate, on the database of 1,000,000+. */
const ROW_PATH_ORDERS = Math.min(ORDERS, 200_000);
const RATES = [10, 100, 2000] as const;
const RATE_SECONDS = Number(process.env.BENCH_GEN_RATE_SECONDS ?? 10);
/** What the issue measured for the seed's loop on these machines (sleep removed), when Python cannot run here. */
const SEED_MEASURED_UPSTREAM = 250;

const cfg = resolveConfig(process.env, readLabEndpoints()).postgres;
const BENCH_DB = arg("db", "bench_gen");
/** Orders the bench's database holds before the historical run (the issue's condition). */
const PREFILL = Number(arg("prefill", "1000000"));
const oltpOptions = { host: cfg.host, port: cfg.port, user: cfg.user, password: cfg.password, database: BENCH_DB, application_name: "lab-console-bench-gen" };
const labSql = (f: string) => readFileSync(path.join(import.meta.dirname, "../lab/sql", f), "utf8");

/** Creates `db` from the lab's schema and seed when missing; then fills pedidos (set-based SQL) up to `orders`. */
async function ensureDatabase(db: string, orders: number): Promise<number> {
  const admin = new pg.Client({ ...oltpOptions, database: cfg.oltpDatabase });
  await admin.connect();
  try {
    let exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [db]);
    // Each run adds its orders: past twice the asked size, start again so that runs stay comparable.
    if (exists.rowCount && orders > 0) {
      const c = new pg.Client({ ...oltpOptions, database: db });
      await c.connect();
      const n = await c.query<{ n: string }>("SELECT CASE WHEN to_regclass('public.pedidos') IS NULL THEN 0 ELSE (SELECT reltuples::bigint FROM pg_class WHERE oid = 'public.pedidos'::regclass) END AS n").finally(() => undefined);
      await c.end();
      if (Number(n.rows[0]?.n ?? 0) > 2 * orders) {
        await admin.query(`DROP DATABASE ${pg.escapeIdentifier(db)} WITH (FORCE)`);
        exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [db]);
      }
    }
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(db)}`);
  } finally {
    await admin.end();
  }
  const client = new pg.Client({ ...oltpOptions, database: db });
  await client.connect();
  try {
    const hasSchema = await client.query("SELECT to_regclass('public.pedidos') IS NOT NULL AS ok");
    if (!hasSchema.rows[0].ok) {
      await client.query(labSql("oltp-schema.sql"));
      await client.query(labSql("oltp-seed.sql"));
    }
    let have = Number((await client.query<{ n: string }>("SELECT count(*) AS n FROM pedidos")).rows[0].n);
    if (have < orders) {
      console.log(`  filling ${db} to ${fmt(orders)} orders (once; reused by the next runs)…`);
      await client.query("BEGIN");
      await client.query(
        `CREATE TEMP TABLE fill ON COMMIT DROP AS
           WITH ins AS (INSERT INTO pedidos (id_pessoa, dt_venda, valor_total)
             SELECT (SELECT array_agg(id ORDER BY id) FROM pessoas)[1 + i % (SELECT count(*) FROM pessoas)::int], localtimestamp - (1 + i % 180) * interval '1 day', 0
             FROM generate_series(1, $1::int) i RETURNING id)
           SELECT id FROM ins`,
        [orders - have],
      );
      // 1–5 distinct products per order, set-based (filler orders: their valor_total stays 0).
      await client.query(
        `INSERT INTO itens_pedidos (id_pedido, id_produto, qtde, valor_total)
           SELECT f.id, p.id, 1, p.valor_unit
           FROM fill f CROSS JOIN generate_series(0, f.id % 5) k
           JOIN (SELECT id, valor_unit, row_number() OVER (ORDER BY id) - 1 AS rn FROM produtos) p ON p.rn = (f.id * 7 + k) % (SELECT count(*) FROM produtos)`,
      );
      await client.query(`INSERT INTO auditoria_pedidos (id_pedido, dispositivo, geohash, telefone) SELECT f.id, 'Samsung', '6gyf', right(o.id_pessoa::text, 9) FROM fill f JOIN pedidos o ON o.id = f.id`);
      await client.query("COMMIT");
      await client.query("VACUUM ANALYZE");
      have = orders;
    }
    return have;
  } finally {
    await client.end();
  }
}

interface Breakdown {
  totalMs: number;
  triggersMs: number;
  triggers: Record<string, number>;
  bulkMs: number;
}

/** One batch of `n` orders as the generator builds it, EXPLAIN ANALYZEd and rolled back: per-row path, then the bulk path. */
async function batchBreakdown(db: string, n: number): Promise<Breakdown> {
  const client = new pg.Client({ ...oltpOptions, database: db });
  await client.connect();
  try {
    const rng = createRng(3);
    const catalog = catalogFrom(await loadProducts(client));
    const people = await loadPeople(client, 200_000, new Date());
    const seq = await pedidosSequence(client);
    const maker = new OrderMaker(rng, catalog, new FraudDice(0.01, rng), { backDated: true });
    const b = emptyBatch();
    for (let i = 0; i < n; i++) maker.addOrder(b, people[i % people.length]);
    const params = [b.pessoa, b.daysBack, b.cents, b.dispositivo, b.geohash, b.itemOrder, b.itemProduto, b.itemCents, seq, false, null];
    await client.query("BEGIN");
    const plan = (await client.query(`EXPLAIN (ANALYZE, COSTS OFF) ${INSERT_ORDERS_SQL}`, params)).rows.map((r) => r["QUERY PLAN"] as string);
    await client.query("ROLLBACK");
    const triggers: Record<string, number> = {};
    for (const line of plan) {
      const m = /^Trigger for constraint (\S+).*time=([\d.]+)/.exec(line);
      if (m) triggers[m[1]] = Number(m[2]);
    }
    const totalMs = Number(/Execution Time: ([\d.]+)/.exec(plan.join("\n"))?.[1] ?? NaN);
    // The bulk path (lib/generators/run/sql.ts): the references locked once per batch, the per-row triggers off.
    await client.query("BEGIN; SET LOCAL session_replication_role = replica");
    const t0 = performance.now();
    await client.query(
      `SELECT (SELECT count(*) FROM (SELECT 1 FROM pessoas WHERE id = ANY($1::bigint[]) FOR KEY SHARE) p), (SELECT count(*) FROM (SELECT 1 FROM produtos WHERE id = ANY($2::int[]) FOR KEY SHARE) q)`,
      [[...new Set(b.pessoa)], [...new Set(b.itemProduto)]],
    );
    await client.query(INSERT_ORDERS_SQL, params);
    const bulkMs = performance.now() - t0;
    await client.query("ROLLBACK");
    return { totalMs, triggersMs: Object.values(triggers).reduce((x, y) => x + y, 0), triggers, bulkMs };
  } finally {
    await client.end();
  }
}

/** A full GC on demand (to tell garbage from a leak when memory is sampled). */
setFlagsFromString("--expose-gc");
const collectGarbage = runInNewContext("gc") as () => void;

const fmt = (n: number, digits = 0) => n.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });
const mb = (bytes: number) => bytes / 1024 / 1024;

/** The seed's liga_sudoers_historico.py loop, ported line for line to TypeScript (pg instead of psycopg2). */
async function seedLoopPort(seconds: number): Promise<number> {
  const client = new pg.Client(oltpOptions);
  await client.connect();
  try {
    const rng = createRng(1);
    const pessoas = (await client.query<{ id: string; nome: string; sexo: Sexo; dt_nasc: string }>("SELECT id, nome, sexo, dt_nasc::text FROM pessoas")).rows;
    const until = performance.now() + seconds * 1000;
    const started = performance.now();
    let orders = 0;
    while (performance.now() < until) {
      const pessoa = pessoas[orders % pessoas.length];
      const profile = profileOf(pessoa.sexo, ageOn(pessoa.dt_nasc, new Date()));
      await client.query("BEGIN"); // psycopg2 opens a transaction implicitly
      const produtos = (
        await client.query<{ id: number; valor_unit: string }>(
          `SELECT id, descricao, valor_unit FROM produtos WHERE id_categoria IN (${CATEGORIES_BY_PROFILE[profile].join(",")}) ORDER BY random() LIMIT ${rng.int(1, 5)}`,
        )
      ).rows;
      const days = rng.int(1, 180);
      const total = produtos.reduce((s, p) => s + Number(p.valor_unit), 0).toFixed(2);
      const pedido = await client.query<{ id: number }>(
        "INSERT INTO pedidos (id_pessoa, dt_venda, valor_total) VALUES ($1, now() - make_interval(days => $2), $3) RETURNING id",
        [pessoa.id, days, total],
      );
      const pedidoId = pedido.rows[0].id;
      for (const p of produtos) await client.query("INSERT INTO itens_pedidos VALUES ($1, $2, 1, $3)", [pedidoId, p.id, p.valor_unit]);
      await client.query("COMMIT");
      // gera_auditoria, then its own commit
      await client.query("BEGIN");
      let dispositivo = LEGIT_DEVICE[pessoa.sexo];
      let geohash = rng.pick(LEGIT_GEOHASHES[profile]);
      if (rng.next() < 0.01) {
        if (rng.next() < 0.5) dispositivo = rng.pick(FRAUD_DEVICES);
        else geohash = rng.pick(FRAUD_GEOHASHES);
      }
      await client.query("INSERT INTO auditoria_pedidos VALUES ($1, $2, $3, $4)", [pedidoId, dispositivo, geohash, pessoa.id.slice(-9)]);
      await client.query("COMMIT");
      orders++;
    }
    return orders / ((performance.now() - started) / 1000);
  } finally {
    await client.end();
  }
}

/** The seed's Python loop itself (functions.py + liga_sudoers_historico.py, time-boxed), when python3 has psycopg2. */
function seedLoopPython(seconds: number): number | null {
  const probe = spawnSync("python3", ["-c", "import psycopg2"], { stdio: "ignore" });
  if (probe.status !== 0) return null;
  const script = `
import random, time, psycopg2
from datetime import datetime, timedelta
conn = psycopg2.connect(dbname=${JSON.stringify(BENCH_DB)}, user=${JSON.stringify(cfg.user)}, password=${JSON.stringify(cfg.password)}, host=${JSON.stringify(cfg.host)}, port=${cfg.port})
cursor = conn.cursor()
cursor.execute("SELECT id, nome, sexo, dt_nasc FROM pessoas")
pessoas = cursor.fetchall()
cats = {('M', True): [1,4,5,6], ('M', False): [1,4,5,6,7,8,9], ('F', True): [2,4,8,9], ('F', False): [1,2,3,4,7,8,9]}
geos = {('M', True): ['6gyf','6gyc','7h2y','7h2z','7h2w','75cm','75cn'], ('M', False): ['6gyf','6gyc'], ('F', True): ['6gyf','6gyc','75cm','75cn'], ('F', False): ['7h2y','7h2z','7h2w']}
start = time.time(); n = 0
while time.time() - start < ${seconds}:
    for pessoa in pessoas:
        if time.time() - start >= ${seconds}: break
        id, nome, sexo, dt_nasc = pessoa
        now = datetime.now()
        idade = now.year - dt_nasc.year - ((now.month, now.day) < (dt_nasc.month, dt_nasc.day))
        key = (sexo, idade < 35)
        cursor.execute(f"SELECT id, descricao, valor_unit FROM produtos WHERE id_categoria in ({','.join(map(str, cats[key]))}) order by random() limit {random.randint(1, 5)};")
        produtos = cursor.fetchall()
        cursor.execute("INSERT INTO pedidos (id_pessoa, dt_venda, valor_total) VALUES (%s, %s, %s) RETURNING id;", (id, now - timedelta(days=random.randint(1, 180)), sum(p[2] for p in produtos)))
        pedido_id = cursor.fetchone()[0]
        for p in produtos:
            cursor.execute("INSERT INTO itens_pedidos VALUES (%s, %s, 1, %s);", (pedido_id, p[0], p[2]))
        conn.commit()
        dispositivo = 'Samsung' if sexo == 'M' else 'Iphone'
        geohash = random.choice(geos[key])
        if random.random() < 0.01:
            if random.choice(['dispositivo', 'geohash']) == 'dispositivo': dispositivo = random.choice(['Xaomi', 'Motorola', 'Nokia'])
            else: geohash = random.choice(['7h6v', '6v2n', '6m3p'])
        cursor.execute("INSERT INTO auditoria_pedidos VALUES (%s, %s, %s, %s);", (pedido_id, dispositivo, geohash, str(id)[-9:]))
        conn.commit()
        n += 1
print(n / (time.time() - start))
`;
  try {
    return Number(execFileSync("python3", ["-c", script], { encoding: "utf8", timeout: (seconds + 60) * 1000 }).trim());
  } catch (e) {
    console.log(`  (python3 seed loop failed: ${(e as Error).message.split("\n")[0]})`);
    return null;
  }
}

/**
 * A role that may not set session_replication_role: with it the generator cannot take its bulk path (sql.ts,
 * bulkInsertAllowed) and checks every foreign key with its per-row trigger, as it did before that path existed —
 * the "before" of the same code, database and hour.
 */
async function perRowRole(): Promise<{ user: string; password: string }> {
  const role = { user: "lab_console_bench_rowpath", password: randomBytes(12).toString("hex") };
  const c = new pg.Client(oltpOptions);
  await c.connect();
  try {
    const exists = await c.query("SELECT 1 FROM pg_roles WHERE rolname = $1", [role.user]);
    const who = pg.escapeIdentifier(role.user);
    await c.query(`${exists.rowCount ? "ALTER" : "CREATE"} ROLE ${who} LOGIN NOSUPERUSER PASSWORD ${pg.escapeLiteral(role.password)}`);
    await c.query(`GRANT CONNECT ON DATABASE ${pg.escapeIdentifier(BENCH_DB)} TO ${who}`);
    await c.query(`GRANT USAGE ON SCHEMA public TO ${who}`);
    await c.query(`GRANT SELECT, INSERT, UPDATE ON ALL TABLES IN SCHEMA public TO ${who}`);
    await c.query(`GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public TO ${who}`);
  } finally {
    await c.end();
  }
  return role;
}

/** The bench's role leaves nothing behind in the lab's cluster. */
async function dropRole(user: string): Promise<void> {
  const c = new pg.Client(oltpOptions);
  await c.connect();
  try {
    await c.query(`DROP OWNED BY ${pg.escapeIdentifier(user)}`);
    await c.query(`DROP ROLE ${pg.escapeIdentifier(user)}`);
  } finally {
    await c.end();
  }
}

interface HistoricalResult {
  ordersPerS: number;
  seconds: number;
  peakRssMb: number;
  /** Heap in use right after a full GC at 25, 50, 75 and 100 % of the run: flat means no leak. */
  heapAt: number[];
  fraud: number;
  items: number;
  runId: string;
}

/**
 * 1,000,000 historical orders through startRun: the CLI's and the console's path, stored run included. `as`: the
 * role the generator connects with (default the lab's).
 */
async function historical(orders: number, as?: { user: string; password: string }): Promise<HistoricalResult> {
  const pool = new pg.Pool({ ...oltpOptions, ...as, max: 4 });
  const prisma = new PrismaClient({ adapter: new PrismaPg({ host: cfg.host, port: cfg.port, user: cfg.user, password: cfg.password, database: cfg.consoleDatabase, max: 2 }) });
  let peak = process.memoryUsage().rss;
  const heapAt: number[] = [];
  const quarters = [0.25, 0.5, 0.75, 1];
  const heapAfterGc = () => {
    collectGarbage();
    return mb(process.memoryUsage().heapUsed);
  };
  try {
    const run = await startRun({ params: startParams.parse({ generator: "historical", orders, seed: 42 }), store: new RunStore(prisma), pool, startedBy: "bench:gen" });
    const sampler = setInterval(() => {
      const rss = process.memoryUsage().rss;
      peak = Math.max(peak, rss);
      const done = run.progress.counts.events / orders;
      if (quarters.length && done >= quarters[0]) {
        quarters.shift();
        heapAt.push(heapAfterGc());
      }
    }, 100);
    const ticker = setInterval(() => {
      const s = run.snapshot();
      process.stdout.write(`\r  ${fmt(s.counts.events)} / ${fmt(orders)} orders · ${fmt(s.currentRate)}/s now · RSS ${fmt(mb(process.memoryUsage().rss))} MB   `);
    }, 1000);
    const final = await run.done;
    clearInterval(sampler);
    clearInterval(ticker);
    process.stdout.write("\n");
    peak = Math.max(peak, process.memoryUsage().rss);
    if (quarters.length) heapAt.push(heapAfterGc());
    if (final.status !== "finished") throw new Error(`historical run ended ${final.status}: ${final.error}`);
    const seconds = (new Date(final.endedAt!).getTime() - new Date(final.startedAt).getTime()) / 1000;
    return { ordersPerS: final.counts.events / seconds, seconds, peakRssMb: mb(peak), heapAt, fraud: final.counts.fraud, items: final.counts.itensPedidos, runId: final.id };
  } finally {
    await Promise.allSettled([pool.end(), prisma.$disconnect()]);
  }
}

/** Streams at `rate` for RATE_SECONDS; the achieved rate is measured between the first and last commits. */
async function streamingRate(rate: number): Promise<{ asked: number; achieved: number; orders: number }> {
  const pool = new pg.Pool({ ...oltpOptions, max: 2 });
  try {
    const commits: Array<[number, number]> = [];
    let total = 0;
    await runGenerator(startParams.parse({ generator: "streaming", rate, durationS: RATE_SECONDS }), {
      pool,
      signal: new AbortController().signal,
      progress: new Progress(),
      seed: rate,
      observe: {
        pedidos: (ids) => {
          total += ids.length;
          commits.push([performance.now(), total]);
        },
      },
    });
    const [t0, n0] = commits[0];
    const [t1, n1] = commits[commits.length - 1];
    return { asked: rate, achieved: (n1 - n0) / ((t1 - t0) / 1000), orders: total };
  } finally {
    await pool.end();
  }
}

async function main() {
  console.log(`bench:gen — PostgreSQL ${cfg.host}:${cfg.port}/${BENCH_DB} · load average ${loadavg().map((l) => l.toFixed(2)).join(" ")} (shared machine: figures are noisy)\n`);

  console.log("0. Where a batch of 5,000 orders spends its time (EXPLAIN ANALYZE, rolled back)");
  const held = await ensureDatabase(BENCH_DB, PREFILL);
  const freshDb = `${BENCH_DB}_fresh`;
  await ensureDatabase(freshDb, 0);
  const fresh = await batchBreakdown(freshDb, 5_000);
  const full = await batchBreakdown(BENCH_DB, 5_000);
  const dropper = new pg.Client({ ...oltpOptions, database: cfg.oltpDatabase });
  await dropper.connect();
  await dropper.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(freshDb)}`).finally(() => dropper.end());
  const pct = (x: number, of: number) => `${fmt((x / of) * 100)} %`;
  for (const [label, b] of [["fresh database (0 orders)", fresh], [`${BENCH_DB} (${fmt(held)} orders)`, full]] as const) {
    console.log(`  ${label}: statement ${fmt(b.totalMs)} ms, of which per-row foreign-key triggers ${fmt(b.triggersMs)} ms (${pct(b.triggersMs, b.totalMs)}): ${Object.entries(b.triggers).map(([k, v]) => `${k} ${fmt(v)}`).join(", ")}`);
    console.log(`    bulk path (references locked once, per-row triggers off): ${fmt(b.bulkMs)} ms`);
  }
  console.log("");

  console.log(`1. The seed's loop (row by row, a commit per order), ${BASELINE_S} s each`);
  const python = seedLoopPython(BASELINE_S);
  console.log(python === null ? `  python3 + psycopg2: not available here → quoting the ${SEED_MEASURED_UPSTREAM} orders/s measured upstream` : `  python3 seed loop: ${fmt(python)} orders/s`);
  const port = await seedLoopPort(BASELINE_S);
  console.log(`  TypeScript port of the seed loop: ${fmt(port)} orders/s\n`);
  const seedOrdersPerS = python ?? SEED_MEASURED_UPSTREAM;

  console.log(`2. Historical generator (batches of 5,000, 2 connections), first on its per-row path (every foreign key checked by its trigger, as before the bulk path): ${fmt(ROW_PATH_ORDERS)} orders into ${fmt(held)}`);
  const role = await perRowRole();
  const rowPath = await historical(ROW_PATH_ORDERS, role).finally(() => dropRole(role.user));
  console.log(`   then as it runs: ${fmt(ORDERS)} orders into ${fmt(held + ROW_PATH_ORDERS)}`);
  const hist = await historical(ORDERS);

  console.log(`\n3. Streaming generator: achieved vs asked rate, ${RATE_SECONDS} s each`);
  const rates: Array<{ asked: number; achieved: number; orders: number }> = [];
  for (const r of RATES) {
    const res = await streamingRate(r);
    rates.push(res);
    console.log(`  asked ${fmt(r)}/s → achieved ${fmt(res.achieved, 2)}/s (${fmt(res.orders)} orders)`);
  }
  const errorPct = (r: { asked: number; achieved: number }) => Number((((r.achieved - r.asked) / r.asked) * 100).toFixed(2));

  const rows: Array<[string, string]> = [
    ["historical orders", `${fmt(ORDERS)} into a database holding ${fmt(held + ROW_PATH_ORDERS)}`],
    ["batch of 5,000: fresh DB / full DB", `${fmt(fresh.totalMs)} / ${fmt(full.totalMs)} ms; FK triggers ${pct(fresh.triggersMs, fresh.totalMs)} / ${pct(full.triggersMs, full.totalMs)}; bulk path ${fmt(fresh.bulkMs)} / ${fmt(full.bulkMs)} ms`],
    ["historical orders/s", `${fmt(hist.ordersPerS)} (${fmt(hist.seconds, 1)} s, run #${hist.runId}; target ≥ 25,000)`],
    ["  per-row path (before), orders/s", `${fmt(rowPath.ordersPerS)} (${fmt(ROW_PATH_ORDERS)} orders, ${fmt(rowPath.seconds, 1)} s; bulk path ${fmt(hist.ordersPerS / rowPath.ordersPerS, 1)}× faster)`],
    ["items, fraud", `${fmt(hist.items)} itens_pedidos, ${fmt(hist.fraud)} fraudulent (${fmt((hist.fraud / ORDERS) * 100, 2)} %)`],
    ["peak RSS", `${fmt(hist.peakRssMb)} MB (whole process, Prisma included)`],
    ["heap after full GC", `${hist.heapAt.map((m) => fmt(m)).join(" / ")} MB at 25 / 50 / 75 / 100 % (flat: no growth with the run)`],
    ["seed loop orders/s", python === null ? `${SEED_MEASURED_UPSTREAM} (measured upstream; no psycopg2 here)` : `${fmt(python)} (python3, this run)`],
    ["seed loop TS port orders/s", `${fmt(port)} (this run)`],
    ["speed-up vs seed", `${fmt(hist.ordersPerS / seedOrdersPerS, 1)}× (target ≥ 100×)`],
    ["speed-up vs TS port", `${fmt(hist.ordersPerS / port, 1)}×`],
    ...rates.map((r): [string, string] => [`streaming ${fmt(r.asked)}/s`, `${fmt(r.achieved, 2)}/s achieved (${errorPct(r) >= 0 ? "+" : ""}${errorPct(r)} %; target ± 5 %)`]),
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  console.log("\n" + rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join("\n") + "\n");

  console.log(
    JSON.stringify({
      orders: ORDERS,
      orders_per_s: Math.round(hist.ordersPerS),
      per_row_path_orders_per_s: Math.round(rowPath.ordersPerS),
      orders_before_run: held + ROW_PATH_ORDERS,
      batch_ms_fresh_db: Math.round(fresh.totalMs),
      batch_ms_full_db: Math.round(full.totalMs),
      batch_fk_trigger_share: Number((full.triggersMs / full.totalMs).toFixed(2)),
      batch_ms_bulk_path: Math.round(full.bulkMs),
      load_average: Number(loadavg()[0]!.toFixed(1)),
      peak_rss_mb: Math.round(hist.peakRssMb),
      heap_after_gc_mb: hist.heapAt.map((m) => Math.round(m)),
      seed_orders_per_s: Math.round(seedOrdersPerS),
      rate_error_pct: Object.fromEntries(rates.map((r) => [String(r.asked), errorPct(r)])),
      seed_source: python === null ? "upstream measurement (no psycopg2)" : "python3 seed loop, this run",
      seed_port_orders_per_s: Math.round(port),
      speedup_vs_seed: Number((hist.ordersPerS / seedOrdersPerS).toFixed(1)),
      speedup_vs_seed_port: Number((hist.ordersPerS / port).toFixed(1)),
    }),
  );
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
