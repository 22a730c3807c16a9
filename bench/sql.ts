// npm run bench:sql — the SQL engine (DuckDB over the console's S3 object cache) against the lab's S3 server:
//  1. fills sql-bench/e<events>/topics/benchsql.public.pessoas/ with 1,000,000 Debezium change events of `pessoas` as JSON
//     Lines in 100 objects (reused when there);
//  2. first run on an empty cache: latest-per-key (fetch + query), then count-by-op;
//  3. second run, cached: latest-per-key and count-by-op;
//  4. baseline in the same run: a plain Node stream over the same objects (GetObject, line by line, JSON.parse)
//     computing count-by-op.
// The engine runs in this process (as in the console), so peak RSS is this process's. Prints a table, then ONE
// line with a JSON object. Timing never fails the run. `--events N` for a short run while developing.
import { CreateBucketCommand, GetObjectCommand, HeadObjectCommand, PutObjectCommand } from "@aws-sdk/client-s3";
import { rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import type { Readable } from "node:stream";
import { readLabEndpoints, resolveConfig } from "../lib/config-core";
import { SqlEngine } from "../lib/sql/engine";
import type { TableBinding } from "../lib/sql/shared/types";
import { arg } from "./support/args";
import { labS3 } from "../test/lab-s3";

const EVENTS = Number(arg("events", "1000000"));
const OBJECTS = 100;
const PER_OBJECT = Math.ceil(EVENTS / OBJECTS);
const KEYS = Math.max(10, Math.floor(EVENTS / 5));
const BUCKET = "sql-bench";
/** One folder per event count, so a short development run never mixes with the full one. */
const TABLE_PREFIX = `e${EVENTS}/topics/benchsql.public.pessoas/`;
const PREFIX = `${TABLE_PREFIX}year=2026/month=12/day=01/`;
const MARKER = `markers/filled-${EVENTS}`;

const cfg = resolveConfig(process.env, readLabEndpoints());
const s3 = labS3(cfg);
const pgOptions = () => ({ host: cfg.postgres.host, port: cfg.postgres.port, user: cfg.postgres.user, password: cfg.postgres.password, database: cfg.postgres.oltpDatabase });
const objectKey = (i: number) => `${PREFIX}benchsql.public.pessoas+0+${String(i * PER_OBJECT).padStart(19, "0")}.jsonl`;
const fmt = (n: number) => n.toLocaleString("en-US", { maximumFractionDigits: 0 });

/** A deterministic stream of change events: keys are inserted, updated and deleted, the way Debezium writes them. */
function* events(): Generator<string> {
  let lsn = 24_000_000;
  const alive = new Map<number, { nome: string; updated: number }>();
  const t0 = Date.UTC(2026, 11, 1) * 1000;
  for (let n = 0; n < EVENTS; n++) {
    const id = 10_000_000_000 + ((n * 7919) % KEYS);
    const now = t0 + n * 1000;
    lsn += 56;
    const prev = alive.get(id);
    const source = `{"version":"3.6.0.Final","connector":"postgresql","name":"benchsql","ts_ms":${Math.floor(now / 1000)},"snapshot":"false","db":"liga_sudoers","schema":"public","table":"pessoas","txId":${1000 + n},"lsn":${lsn}}`;
    const row = (nome: string, updated: number) => `{"id":${id},"nome":"${nome}","sexo":"${id % 2 ? "M" : "F"}","dt_nasc":${7000 + (id % 9000)},"created_at":${t0},"updated_at":${updated}}`;
    let op: string;
    let before = "null";
    let after = "null";
    if (!prev) {
      op = "c";
      const cur = { nome: `Pessoa ${id}`, updated: now };
      alive.set(id, cur);
      after = row(cur.nome, cur.updated);
    } else if (n % 10 === 3) {
      op = "d";
      before = `{"id":${id},"nome":null,"sexo":null,"dt_nasc":null,"created_at":null,"updated_at":null}`;
      alive.delete(id);
    } else {
      op = "u";
      const cur = { nome: `${prev.nome.slice(0, 150)} (Atualizado)`, updated: now };
      alive.set(id, cur);
      after = row(cur.nome, cur.updated);
    }
    yield `{"before":${before},"after":${after},"source":${source},"op":"${op}","ts_ms":${Math.floor(now / 1000) + 5},"transaction":null}`;
  }
}

async function exists(key: string): Promise<boolean> {
  try {
    await s3.send(new HeadObjectCommand({ Bucket: BUCKET, Key: key }));
    return true;
  } catch {
    return false;
  }
}

async function fill(): Promise<{ reused: boolean; bytes: number }> {
  await s3.send(new CreateBucketCommand({ Bucket: BUCKET })).catch(() => undefined);
  if (await exists(MARKER)) return { reused: true, bytes: 0 };
  let lines: string[] = [];
  let i = 0;
  let bytes = 0;
  const puts: Promise<unknown>[] = [];
  const flush = async () => {
    const body = lines.join("\n") + "\n";
    bytes += Buffer.byteLength(body);
    puts.push(s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: objectKey(i++), Body: body, ContentType: "application/x-ndjson" })));
    lines = [];
    if (puts.length >= 8) await Promise.all(puts.splice(0));
  };
  for (const e of events()) {
    lines.push(e);
    if (lines.length === PER_OBJECT) await flush();
  }
  if (lines.length) await flush();
  await Promise.all(puts);
  await s3.send(new PutObjectCommand({ Bucket: BUCKET, Key: MARKER, Body: String(bytes) }));
  return { reused: false, bytes };
}

/** The baseline: GetObject each object, split lines, JSON.parse, count by op. */
async function baselineCountByOp(): Promise<{ ms: number; counts: Record<string, number> }> {
  const started = performance.now();
  const counts: Record<string, number> = {};
  for (let i = 0; i < OBJECTS; i++) {
    const out = await s3.send(new GetObjectCommand({ Bucket: BUCKET, Key: objectKey(i) }));
    for await (const line of createInterface({ input: out.Body as Readable, crlfDelay: Infinity })) {
      if (!line) continue;
      const op = (JSON.parse(line) as { op: string }).op;
      counts[op] = (counts[op] ?? 0) + 1;
    }
  }
  return { ms: performance.now() - started, counts };
}

const COUNT_BY_OP = "SELECT op, count(*) AS n FROM raw_pessoas GROUP BY op ORDER BY op";
const LATEST_PER_KEY = `SELECT count(*) AS live_keys FROM (
  SELECT op FROM raw_pessoas
  QUALIFY row_number() OVER (PARTITION BY coalesce(after_id, before_id) ORDER BY source_lsn DESC, ts_ms DESC) = 1)
WHERE op <> 'd'`;

async function main() {
  const filled = await fill();
  const cacheDir = path.join(os.tmpdir(), `bench-sql-cache-${process.pid}`);
  const engine = await SqlEngine.create({
    ...cfg.sql,
    cacheDir,
    maxFetchBytes: 8 * 1024 ** 3,
    cacheBytes: 8 * 1024 ** 3,
    queryTimeoutMs: 600_000,
    s3,
    pg: pgOptions,
  });
  const tables: TableBinding[] = [{ kind: "lake", name: "raw_pessoas", bucket: BUCKET, prefix: TABLE_PREFIX, debezium: true }];
  const run = (sql: string) => engine.query({ sql, tables });
  try {
    const firstLatest = await run(LATEST_PER_KEY);
    const firstCount = await run(COUNT_BY_OP);
    const cachedLatest = await run(LATEST_PER_KEY);
    const cachedCount = await run(COUNT_BY_OP);
    const baseline = await baselineCountByOp();
    const engineCounts = Object.fromEntries(cachedCount.rows.map((r) => [String(r[0]), Number(r[1])]));
    const agree = JSON.stringify(engineCounts) === JSON.stringify(Object.fromEntries(Object.entries(baseline.counts).sort()));
    const peakRssMb = Math.round(process.resourceUsage().maxRSS / 1024);
    const ratio = baseline.ms / cachedCount.elapsedMs;

    console.log(`bench:sql — ${fmt(EVENTS)} change events as JSON Lines in ${OBJECTS} objects (s3://${BUCKET}/${PREFIX}, ${filled.reused ? "reused" : "written now"})`);
    console.log(`engine: DuckDB, memory ${cfg.sql.memoryLimitMb} MB, ${cfg.sql.threads} threads, load ${os.loadavg()[0]!.toFixed(2)} (${os.cpus().length} cores)`);
    console.log("");
    console.log("| run | query | ms | bytes fetched from S3 |");
    console.log("|---|---|---:|---:|");
    console.log(`| first (empty cache) | latest per key | ${fmt(firstLatest.elapsedMs)} | ${fmt(firstLatest.bytesFetched)} |`);
    console.log(`| first | count by op | ${fmt(firstCount.elapsedMs)} | ${fmt(firstCount.bytesFetched)} |`);
    console.log(`| second (cached) | latest per key | ${fmt(cachedLatest.elapsedMs)} | ${fmt(cachedLatest.bytesFetched)} |`);
    console.log(`| second (cached) | count by op | ${fmt(cachedCount.elapsedMs)} | ${fmt(cachedCount.bytesFetched)} |`);
    console.log(`| baseline: Node stream (GetObject + JSON.parse) | count by op | ${fmt(baseline.ms)} | ${fmt(firstLatest.bytesScanned)} |`);
    console.log("");
    console.log(`live keys: ${cachedLatest.rows[0]?.[0]}; counts by op: ${JSON.stringify(engineCounts)} (${agree ? "same as" : "DIFFERENT from"} the baseline's)`);
    console.log(`ratio baseline ÷ cached count-by-op: ${ratio.toFixed(1)}× (target ≥ 10×); cached latest-per-key ${fmt(cachedLatest.elapsedMs)} ms (target < 3,000); peak RSS ${fmt(peakRssMb)} MB (target < 1,536)`);
    console.log(
      JSON.stringify({
        events: EVENTS,
        first_latest_per_key_ms: firstLatest.elapsedMs,
        cached_latest_per_key_ms: cachedLatest.elapsedMs,
        cached_count_by_op_ms: cachedCount.elapsedMs,
        bytes_fetched: firstLatest.bytesFetched + firstCount.bytesFetched,
        baseline_count_by_op_ms: Math.round(baseline.ms),
        ratio: Math.round(ratio * 10) / 10,
        peak_rss_mb: peakRssMb,
      }),
    );
  } finally {
    engine.close();
    rmSync(cacheDir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
