// bench/catalog — the Database area with 1,000 tables on the lab's real PostgreSQL.
// Creates a schema of 1,000 tables (each with a primary key, half of them in a publication FOR TABLES IN SCHEMA),
// then times, in this process and through the same lib/ code the page and its route call:
//   - the catalog page's server work (lib/pg/catalog getCatalog: schemas + tables with key, size, identity, publications),
//   - a full CDC doctor run (lib/pg/doctor runDoctor: Connect's connectors + the catalog queries + every rule),
//   - the baseline: the same catalog SQL sent by a bare `pg` client (no transaction, no mapping).
// Drops everything at the end. Never passes or fails on time.
//
//   npm run bench:catalog                     (BENCH_CATALOG_TABLES=1000, BENCH_CATALOG_RUNS=15)
//
// Prints a table, and last one JSON line: {"tables": 1000, "catalog_ms": …, "doctor_ms": …, "baseline_ms": …, "rules": …}
import pg from "pg";
import { readLabEndpoints, resolveConfig } from "../lib/config-core";
import { getCatalog, tablesSql } from "../lib/pg/catalog";
import { pool } from "../lib/pg/client";
import { runDoctor } from "../lib/pg/doctor/gather";
import { arg } from "./support/args";

const TABLES = Number(arg("tables", process.env.BENCH_CATALOG_TABLES ?? "1000"));
const RUNS = Number(arg("runs", process.env.BENCH_CATALOG_RUNS ?? "15"));
const RUN = Date.now().toString(36);
const SCHEMA = `bench_catalog_${RUN}`;
const PUB = `bench_catalog_${RUN}`;
const cfg = resolveConfig(process.env, readLabEndpoints()).postgres;
const { escapeIdentifier: id } = pg;

const log = (s: string) => process.stderr.write(`${s}\n`);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)];
const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

async function timed<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t = performance.now();
  const r = await fn();
  return [performance.now() - t, r];
}

async function main() {
  let output: string[] = [];
  const bare = new pg.Client({ host: cfg.host, port: cfg.port, user: cfg.user, password: cfg.password, database: cfg.oltpDatabase });
  await bare.connect();
  try {
    log(`creating ${TABLES} tables in schema ${SCHEMA} …`);
    const t0 = performance.now();
    await bare.query(`CREATE SCHEMA ${id(SCHEMA)}`);
    for (let i = 0; i < TABLES; i += 100) {
      const batch = Array.from({ length: Math.min(100, TABLES - i) }, (_, k) => {
        const n = i + k;
        const t = `${id(SCHEMA)}.${id(`t_${String(n).padStart(4, "0")}`)}`;
        // Every tenth table has no primary key, every other one REPLICA IDENTITY FULL: the doctor has work.
        return `CREATE TABLE ${t} (id bigint${n % 10 ? " PRIMARY KEY" : ""}, nome text, valor numeric(10,2), criado timestamptz DEFAULT now());${n % 2 ? ` ALTER TABLE ${t} REPLICA IDENTITY FULL;` : ""}`;
      });
      await bare.query(batch.join("\n"));
    }
    await bare.query(`CREATE PUBLICATION ${id(PUB)} FOR TABLES IN SCHEMA ${id(SCHEMA)}`);
    log(`created in ${round((performance.now() - t0) / 1000)} s`);

    // Warm up both paths (pools, plans, JIT).
    for (let i = 0; i < 2; i++) {
      await getCatalog("oltp");
      await bare.query(tablesSql());
      await runDoctor("oltp");
    }

    const catalog: number[] = [];
    const baseline: number[] = [];
    const doctor: number[] = [];
    let listed = 0;
    let rules = 0;
    let applicable = 0;
    let findings = 0;
    for (let i = 0; i < RUNS; i++) {
      const [c, cat] = await timed(() => getCatalog("oltp"));
      catalog.push(c);
      listed = cat.tables.filter((x) => x.schema === SCHEMA).length;
      const [b] = await timed(() => bare.query(tablesSql()));
      baseline.push(b);
      const [d, report] = await timed(() => runDoctor("oltp"));
      doctor.push(d);
      rules = report.rules.length;
      applicable = report.rules.filter((r) => r.status !== "skip").length;
      findings = report.rules.reduce((n, r) => n + r.findings.length, 0);
    }
    if (listed !== TABLES) throw new Error(`the catalog listed ${listed} of the ${TABLES} bench tables`);

    const result = { tables: TABLES, catalog_ms: round(median(catalog)), doctor_ms: round(median(doctor)), baseline_ms: round(median(baseline)), rules };
    const ratio = round(median(catalog) / median(baseline), 2);
    const rows: [string, string][] = [
      ["bench tables listed by the catalog", String(listed)],
      ["runs measured", String(RUNS)],
      ["catalog page, server time (median / p95)", `${result.catalog_ms} ms / ${round(p95(catalog))} ms`],
      ["full doctor run (median / p95)", `${result.doctor_ms} ms / ${round(p95(doctor))} ms`],
      ["doctor rules run / with something to check / findings", `${rules} / ${applicable} / ${findings}`],
      ["baseline: same catalog SQL on a bare pg client (median)", `${result.baseline_ms} ms`],
      ["ratio catalog / baseline", `${ratio}×`],
      ["targets", "catalog < 1000 ms, doctor < 2000 ms"],
    ];
    const w = Math.max(...rows.map(([k]) => k.length));
    // The issue's exact line: these five keys, in this order.
    output = [rows.map(([k, v]) => `${k.padEnd(w)}  ${v}`).join("\n"), `{${Object.entries(result).map(([k, v]) => `"${k}": ${v}`).join(", ")}}`];
  } finally {
    log(`dropping schema ${SCHEMA} …`);
    await bare.query(`DROP PUBLICATION IF EXISTS ${id(PUB)}`).catch((e) => log(`cleanup: ${(e as Error).message}`));
    await bare.query(`DROP SCHEMA IF EXISTS ${id(SCHEMA)} CASCADE`).catch((e) => log(`cleanup: ${(e as Error).message}`));
    await bare.end();
    await pool("oltp").end();
  }
  // Printed after the cleanup so the JSON is the run's very last line.
  for (const line of output) console.log(line);
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
