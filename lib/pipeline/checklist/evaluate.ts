import "server-only";
// The course's checklist, evaluated against the lab: every independent check in parallel, each with its own
// timeout; the Connect listing is read once and shared by the connector, topic and sink checks. A check whose
// service does not answer is "unknown" with that cause; missing evidence is "missing" with its cause.
import { ListObjectsV2Command } from "@aws-sdk/client-s3";
import pg from "pg";
import { clusters, listConnectorsExpanded, type RawInfo, type RawStatus } from "../../connect/client";
import { isDebeziumPostgres } from "../../connect/debezium-evidence";
import { BUCKET_KEYS, useOf } from "../../connect/shared/usage-match";
import { config } from "../../config";
import { AppError, scrubSecrets } from "../../errors";
import { generatorRegistry } from "../../generators/registry";
import type { RunSnapshot } from "../../generators/shared/types";
import { getLabHealth } from "../../health";
import { topicOffsets, withAdmin } from "../../kafka/admin";
import { connectionOptions, endpointOf, pool } from "../../pg/client";
import { toConnectorFacts } from "../../pg/debezium-connectors";
import { runDoctor } from "../../pg/doctor/gather";
import { pgError } from "../../pg/session";
import { listBuckets } from "../../s3/buckets/buckets";
import { s3 } from "../../s3/client";
import { s3Call } from "../../s3/errors";
import { latestObjects } from "../../s3/objects/latest";
import { getBucketAccess, policiesSupported } from "../../s3/buckets/policy";
import { processWide } from "../../process-wide";
import {
  bucketsStatus,
  FRAUD_MIN_ORDERS,
  fraudStatus,
  HISTORICAL_MIN_AGE_HOURS,
  isRecent,
  isRunning,
  judgeFraudKind,
  selectSource,
  shareBand,
  FRAUD_EXPECTED,
  SP_MG_RJ_CELLS,
  type BucketFact,
  type FraudCounts,
  type SourceCandidate,
} from "./rules";
import {
  COURSE_BUCKETS,
  COURSE_CONNECTOR,
  COURSE_LAYER_BUCKETS,
  DEFAULT_WINDOW_MINUTES,
  type ChecklistCause,
  type ChecklistItem,
  type ChecklistItemId,
  type ChecklistReport,
  type ChecklistStatus,
  type ChecklistTargets,
  type Evidence,
} from "../shared/checklist";

/** Each check's own budget: one slow service greys its items, it does not hold the others. */
export const CHECK_TIMEOUT_MS = 8_000;
/** The fraud SQL's statement_timeout (a pass over every order; on the route it runs in the background, see cachedFraud). */
export const FRAUD_TIMEOUT_MS = 30_000;
const QUERY_TIMEOUT_MS = 5_000;

export function defaultTargets(): ChecklistTargets {
  const c = config().postgres;
  return {
    database: c.oltpDatabase,
    warehouseDatabase: c.dwDatabase,
    buckets: [...COURSE_BUCKETS],
    layerBuckets: [...COURSE_LAYER_BUCKETS],
    connector: null,
    windowMinutes: DEFAULT_WINDOW_MINUTES,
  };
}

// ---------------------------------------------------------------- outcome helpers

interface Outcome {
  status: ChecklistStatus;
  evidence: Evidence;
  cause: ChecklistCause | null;
  link?: string;
}

const ok = (evidence: Evidence, link?: string): Outcome => ({ status: "ok", evidence, cause: null, link });
const missing = (code: ChecklistCause["code"], params: ChecklistCause["params"], evidence: Evidence = {}, link?: string): Outcome => ({ status: "missing", evidence, cause: { code, params }, link });
const unknown = (code: ChecklistCause["code"], params: ChecklistCause["params"], evidence: Evidence = {}, link?: string): Outcome => ({ status: "unknown", evidence, cause: { code, params }, link });

/** A failure of the service a check needs, as an "unknown" cause (its code and English message; no secret). */
function unreachable(e: unknown, service: string): Outcome {
  const err = e instanceof AppError ? e : null;
  const message = scrubSecrets(err?.message ?? (e instanceof Error ? e.message : String(e)), [config().postgres.password, config().s3.secretAccessKey]);
  return unknown("service_unreachable", { service, code: err?.code ?? "error", message });
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new CheckTimeout(ms)), ms);
    p.then(
      (v) => {
        clearTimeout(timer);
        resolve(v);
      },
      (e) => {
        clearTimeout(timer);
        reject(e);
      },
    );
  });
}

class CheckTimeout extends Error {
  constructor(readonly ms: number) {
    super(`no answer within ${ms} ms`);
  }
}

async function run(id: ChecklistItemId, defaultLink: string, service: string, fn: () => Promise<Outcome>, timeoutMs = CHECK_TIMEOUT_MS): Promise<ChecklistItem> {
  const started = performance.now();
  let out: Outcome;
  try {
    out = await withTimeout(fn(), timeoutMs);
  } catch (e) {
    out = e instanceof CheckTimeout ? unknown("timeout", { service, seconds: timeoutMs / 1000 }) : unreachable(e, service);
  }
  return { id, status: out.status, evidence: out.evidence, cause: out.cause, link: out.link ?? defaultLink, durationMs: Math.round(performance.now() - started) };
}

// ---------------------------------------------------------------- PostgreSQL

/** Runs one query READ ONLY with a statement timeout, on the configured pools or (another database) a client of its own. */
async function query<R extends pg.QueryResultRow>(database: string, sql: string, params: unknown[], timeoutMs: number, what: string): Promise<R[]> {
  const c = config().postgres;
  const role = database === c.oltpDatabase ? "oltp" : database === c.dwDatabase && c.dwHost === c.host && c.dwPort === c.port ? "dw" : null;
  let client: pg.PoolClient | pg.Client;
  let release: (broken?: boolean) => Promise<void>;
  try {
    if (role) {
      const pc = await pool(role).connect();
      client = pc;
      release = async (broken) => pc.release(broken);
    } else {
      const base = connectionOptions(database === c.dwDatabase ? "dw" : "oltp");
      const own = new pg.Client({ ...base, database, connectionTimeoutMillis: 5_000 });
      own.on("error", () => undefined);
      await own.connect();
      client = own;
      release = () => own.end().catch(() => undefined);
    }
  } catch (e) {
    throw pgError(e, what);
  }
  let broken = false;
  try {
    await client.query("BEGIN READ ONLY");
    await client.query(`SET LOCAL statement_timeout = ${Math.round(timeoutMs)}`);
    const r = await client.query<R>(sql, params);
    await client.query("COMMIT");
    return r.rows;
  } catch (e) {
    await client.query("ROLLBACK").catch(() => {
      broken = true;
    });
    throw e;
  } finally {
    await release(broken);
  }
}

const isUndefinedTable = (e: unknown) => (e as { code?: string }).code === "42P01";

/** Orders of each kind and their dates: one pass over pedidos. */
export const ORDERS_SQL = `
SELECT count(*) FILTER (WHERE h)::int8 AS historical,
       min(dt_venda) FILTER (WHERE h) AS first_sale,
       max(dt_venda) FILTER (WHERE h) AS last_sale,
       count(*) FILTER (WHERE NOT h)::int8 AS streaming,
       max(created_at) FILTER (WHERE NOT h) AS last_streaming
  FROM (SELECT dt_venda, created_at, (created_at - dt_venda) >= make_interval(hours => $1) AS h FROM pedidos) o`;

interface OrdersFacts {
  historical: number;
  firstSale: string | null;
  lastSale: string | null;
  streaming: number;
  lastStreaming: string | null;
}

const iso = (v: Date | string | null): string | null => (v === null ? null : v instanceof Date ? v.toISOString() : new Date(v).toISOString());

async function readOrders(database: string): Promise<OrdersFacts> {
  const rows = await query<{ historical: string; first_sale: Date | null; last_sale: Date | null; streaming: string; last_streaming: Date | null }>(database, ORDERS_SQL, [HISTORICAL_MIN_AGE_HOURS], QUERY_TIMEOUT_MS, `Counting the orders of ${database}`);
  const r = rows[0];
  return { historical: Number(r.historical), firstSale: iso(r.first_sale), lastSale: iso(r.last_sale), streaming: Number(r.streaming), lastStreaming: iso(r.last_streaming) };
}

/**
 * The course's two fraud rules over every order with an audit row, for historical and streaming orders at once (one
 * statement, set-based): the geohash rule (the geohash starts with none of the SP/MG/RJ cells) and the device rule
 * (the person has more than one purchase and this one is from a device other than the one they use most —
 * "different from the person's other purchases"; a fraud device used twice by the same person is still caught,
 * which "a device never seen before" would miss). A person's only purchase has nothing to differ from.
 */
export const FRAUD_SQL = `
WITH a AS (
  SELECT p.id_pessoa, (p.created_at - p.dt_venda) >= make_interval(hours => $2) AS historical,
         NOT (a.geohash LIKE ANY ($1::text[])) AS geo, a.dispositivo
    FROM pedidos p JOIN auditoria_pedidos a ON a.id_pedido = p.id
), usual AS (
  SELECT id_pessoa, mode() WITHIN GROUP (ORDER BY dispositivo) AS device, count(*) AS purchases FROM a GROUP BY id_pessoa
), f AS (
  SELECT a.historical, a.geo, (u.purchases > 1 AND a.dispositivo <> u.device) AS dev FROM a JOIN usual u USING (id_pessoa)
)
SELECT historical, count(*)::int8 AS orders,
       count(*) FILTER (WHERE geo)::int8 AS geohash,
       count(*) FILTER (WHERE dev)::int8 AS device,
       count(*) FILTER (WHERE geo OR dev)::int8 AS flagged
  FROM f GROUP BY historical`;

async function readFraud(database: string): Promise<{ historical: FraudCounts; streaming: FraudCounts }> {
  const rows = await query<{ historical: boolean; orders: string; geohash: string; device: string; flagged: string }>(
    database,
    FRAUD_SQL,
    [SP_MG_RJ_CELLS.map((c) => `${c}%`), HISTORICAL_MIN_AGE_HOURS],
    FRAUD_TIMEOUT_MS,
    `Measuring fraud in ${database}`,
  );
  const zero: FraudCounts = { orders: 0, geohash: 0, device: 0, flagged: 0 };
  const of = (h: boolean): FraudCounts => {
    const r = rows.find((x) => x.historical === h);
    return r ? { orders: Number(r.orders), geohash: Number(r.geohash), device: Number(r.device), flagged: Number(r.flagged) } : zero;
  };
  return { historical: of(true), streaming: of(false) };
}

// The fraud pass reads every order (about 1.5 s for 120,000 orders here): one per database every FRAUD_CACHE_MS,
// however many viewers poll. Stale while it refreshes: a poll answers with the last measurement (and its time) while
// the next one runs in the background, so a large lab never holds the checklist up for the fraud item.
const FRAUD_CACHE_MS = 30_000;
type FraudMeasure = { historical: FraudCounts; streaming: FraudCounts; measuredAt: string };
interface FraudEntry {
  last: FraudMeasure | null;
  pending: Promise<FraudMeasure> | null;
}
const fraudCache = processWide("checklist.fraud", () => new Map<string, FraudEntry>());

function measureFraud(database: string): Promise<FraudMeasure> {
  return readFraud(database).then((c) => ({ ...c, measuredAt: new Date().toISOString() }));
}

function cachedFraud(database: string): Promise<FraudMeasure> {
  const entry = fraudCache.get(database) ?? { last: null, pending: null };
  fraudCache.set(database, entry);
  const fresh = entry.last && Date.now() - Date.parse(entry.last.measuredAt) < FRAUD_CACHE_MS;
  if (!fresh && !entry.pending) {
    entry.pending = measureFraud(database).finally(() => (entry.pending = null));
    entry.pending.then(
      (m) => (entry.last = m),
      () => undefined,
    );
  }
  return entry.last ? Promise.resolve(entry.last) : entry.pending!;
}

/** Which warehouse tables hold rows: one statement, each table asked for one row (query_to_xml, identifiers by format %I). */
export const WAREHOUSE_SQL = `
SELECT n.nspname AS schema, c.relname AS name,
       (xpath('/row/n/text()', query_to_xml(format('SELECT count(*) AS n FROM (SELECT 1 FROM %I.%I LIMIT 1) s', n.nspname, c.relname), false, true, '')))[1]::text::int > 0 AS filled,
       c.reltuples::int8 AS estimate
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
 WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_%'
   AND has_table_privilege(c.oid, 'SELECT')
 ORDER BY 1, 2 LIMIT 200`;

// ---------------------------------------------------------------- Kafka Connect

interface ConnectorRead {
  cluster: string;
  name: string;
  type: string;
  config: Record<string, string>;
  status: RawStatus | undefined;
}

async function readConnect(): Promise<{ connectors: ConnectorRead[]; errors: string[] }> {
  const out: { connectors: ConnectorRead[]; errors: string[] } = { connectors: [], errors: [] };
  await Promise.all(
    clusters().map(async (cluster) => {
      try {
        const expanded = await listConnectorsExpanded(cluster);
        for (const [name, v] of Object.entries(expanded)) {
          const info: RawInfo | undefined = v.info;
          out.connectors.push({ cluster: cluster.id, name, type: info?.type ?? v.status?.type ?? "unknown", config: info?.config ?? {}, status: v.status });
        }
      } catch (e) {
        out.errors.push(e instanceof AppError ? e.message : String(e));
      }
    }),
  );
  if (out.errors.length && !out.connectors.length) throw new AppError(503, "connect_unreachable", out.errors.join("; "), "connect", { params: { url: clusters().map((c) => c.url).join(", ") } });
  return out;
}

type Source = SourceCandidate & { config: Record<string, string>; databaseId: string | null };

function sourcesOf(read: ConnectorRead[]): Source[] {
  return read
    .filter((c) => isDebeziumPostgres(c.config["connector.class"] ?? ""))
    .map((c) => {
      const f = toConnectorFacts(c.cluster, c.name, c.config, c.status);
      return { cluster: c.cluster, name: c.name, state: f.state, tasks: f.tasks, dbname: f.dbname, tableIncludeList: f.tableIncludeList, tableExcludeList: f.tableExcludeList, config: c.config, databaseId: f.databaseId };
    });
}

const connectorHref = (c: { cluster: string; name: string }) => `/connectors/${encodeURIComponent(c.cluster)}/${encodeURIComponent(c.name)}`;
const doctorHref = (c?: { cluster: string; name: string }) => `/database?${new URLSearchParams({ db: "oltp", tab: "doctor", ...(c ? { cluster: c.cluster, connector: c.name } : {}) }).toString()}`;
const lakeHref = (bucket: string, prefix = "") => `/lake/${encodeURIComponent(bucket)}${prefix ? `?${new URLSearchParams({ prefix, view: "latest" }).toString()}` : ""}`;

// ---------------------------------------------------------------- the checks

async function checkStack(): Promise<Outcome> {
  const h = await getLabHealth();
  const services = h.services.map((s) => ({ id: s.id, up: s.up, latencyMs: s.latencyMs, version: s.version, endpoint: s.endpoint }));
  const down = h.services.filter((s) => !s.up).map((s) => s.id);
  if (down.length) return missing("services_down", { services: down.join(", ") }, { services, checkedAt: h.checkedAt });
  return ok({ services, checkedAt: h.checkedAt });
}

async function checkBuckets(t: ChecklistTargets, signal: AbortSignal): Promise<Outcome> {
  const existing = new Set((await listBuckets(signal)).map((b) => b.name));
  const supported = await policiesSupported(signal).catch(() => null);
  const facts: BucketFact[] = await Promise.all(
    t.buckets.map(async (name): Promise<BucketFact> => {
      if (!existing.has(name)) return { name, exists: false, access: null };
      if (supported === false) return { name, exists: true, access: "unsupported" };
      const access = await getBucketAccess(name, signal).then((a) => a.access, () => null);
      return { name, exists: true, access };
    }),
  );
  const judged = bucketsStatus(facts);
  const evidence: Evidence = {
    buckets: facts.map((b) => ({ name: b.name, exists: b.exists, public: b.access === "unsupported" || b.access === null ? "unknown" : b.access === "public" })),
    policies: supported === null ? "unknown" : supported ? "supported" : "unsupported",
    endpoint: config().s3.endpoint,
  };
  return { ...judged, evidence };
}

async function checkHistorical(t: ChecklistTargets, orders: Promise<OrdersFacts>): Promise<Outcome> {
  let o: OrdersFacts;
  try {
    o = await orders;
  } catch (e) {
    if (isUndefinedTable(e)) return missing("tables_missing", { database: t.database, table: "pedidos" });
    throw pgError(e, `Counting the orders of ${t.database}`);
  }
  const evidence: Evidence = { database: t.database, historicalOrders: o.historical, firstSale: o.firstSale, lastSale: o.lastSale, rule: `created_at - dt_venda >= ${HISTORICAL_MIN_AGE_HOURS} h` };
  if (o.historical === 0) return missing("no_historical_orders", { database: t.database }, evidence);
  return ok(evidence);
}

interface Selected {
  source: Source | null;
  read: ConnectorRead[];
}

async function checkConnector(t: ChecklistTargets, selected: Promise<Selected>): Promise<Outcome> {
  const { source } = await selected;
  if (!source) {
    if (t.connector) return missing("connector_not_found", { connector: t.connector.name, database: t.database }, {}, "/connectors");
    return missing("no_connector", { database: t.database }, {}, "/connectors/register");
  }
  const ref = { cluster: source.cluster, name: source.name };
  const evidence: Evidence = {
    connector: source.name,
    cluster: source.cluster,
    state: source.state,
    tasks: source.tasks.map((x) => ({ id: x.id, state: x.state })),
    database: source.dbname,
    slot: source.config["slot.name"] ?? null,
    publication: source.config["publication.name"] ?? null,
    topicPrefix: source.config["topic.prefix"] ?? null,
    tables: source.tableIncludeList.join(", ") || "*",
    rule: t.connector ? "named in the targets" : "Debezium PostgreSQL source on the database capturing pessoas or pedidos; RUNNING first, then the course's name",
  };
  if (!isRunning(source)) {
    const tasks = source.tasks.map((x) => `${x.id}:${x.state}`).join(" ") || "none";
    return missing("connector_not_running", { connector: source.name, state: source.state, tasks }, evidence, connectorHref(ref));
  }
  if (!source.databaseId) return ok({ ...evidence, doctor: "not run: the database is not one of the console's" }, connectorHref(ref));
  const report = await runDoctor(source.databaseId, { connector: ref });
  const failing = report.rules.filter((r) => r.status === "fail" && r.findings.some((f) => f.severity === "error"));
  const doctor = { passed: report.summary.passed, errors: report.summary.errors, warnings: report.summary.warnings, failing: failing.map((r) => r.id) };
  if (failing.length) return missing("doctor_errors", { connector: source.name, count: report.summary.errors, rules: failing.map((r) => r.id).join(", ") }, { ...evidence, doctor }, doctorHref(ref));
  return ok({ ...evidence, doctor }, connectorHref(ref));
}

interface TopicActivity {
  topic: string;
  partitions: number;
  endOffset: number;
  eventsInWindow: number;
  latestAt: string | null;
}

/**
 * End offsets, events since the window's start and the newest message's timestamp, by ListOffsets alone (no consumer
 * group, cheap to poll): the offset of the first message at or after a time tells whether a newer one exists, so a
 * binary search over the window finds the newest timestamp to the second.
 */
async function topicActivity(topics: string[], windowMinutes: number, now: number): Promise<TopicActivity[]> {
  return withAdmin("read the topic's offsets", async (admin) =>
    Promise.all(
      topics.map(async (topic): Promise<TopicActivity> => {
        const high = await topicOffsets(admin, topic);
        const highOf = new Map(high.map((p) => [p.partition, BigInt(p.high)]));
        const start = now - windowMinutes * 60_000;
        const newerThan = async (ts: number) => {
          const at = await admin.fetchTopicOffsetsByTimestamp(topic, ts);
          return at.reduce((n, p) => n + Number((highOf.get(p.partition) ?? 0n) - BigInt(p.offset)), 0);
        };
        const eventsInWindow = await newerThan(start);
        let latestAt: string | null = null;
        if (eventsInWindow > 0) {
          // Invariant: a message at or after lo exists; none at or after hi.
          let lo = start;
          let hi = now + 60_000;
          while (hi - lo > 1000) {
            const mid = Math.floor((lo + hi) / 2);
            if ((await newerThan(mid)) > 0) lo = mid;
            else hi = mid;
          }
          latestAt = new Date(lo).toISOString();
        }
        return { topic, partitions: high.length, endOffset: high.reduce((n, p) => n + Number(p.high), 0), eventsInWindow, latestAt };
      }),
    ),
  );
}

async function sourceTopics(source: Source): Promise<string[]> {
  const all = await withAdmin("list topics", (admin) => admin.listTopics());
  return all.filter((topic) => useOf("source", source.config, { topic }) !== null).sort();
}

async function checkTopic(t: ChecklistTargets, selected: Promise<Selected>, topicsOf: Promise<string[]>, now: number): Promise<Outcome> {
  const { source } = await selected;
  if (!source) return unknown("needs_connector", {}, {}, "/connectors/register");
  const topics = await topicsOf;
  const prefix = source.config["topic.prefix"] ?? "";
  if (!topics.length) return missing("no_topic", { connector: source.name, prefix }, { connector: source.name, topicPrefix: prefix }, "/topics");
  const activity = await topicActivity(topics.slice(0, 20), t.windowMinutes, now);
  const busiest = [...activity].sort((a, b) => (b.latestAt ?? "").localeCompare(a.latestAt ?? "") || b.endOffset - a.endOffset)[0];
  const evidence: Evidence = { connector: source.name, windowMinutes: t.windowMinutes, topics: activity.map((a) => ({ ...a })) };
  const link = `/topics/${encodeURIComponent(busiest.topic)}/live`;
  if (!activity.some((a) => a.eventsInWindow > 0)) return missing("no_recent_events", { topics: topics.join(", "), minutes: t.windowMinutes }, evidence, link);
  return ok(evidence, link);
}

async function checkSink(t: ChecklistTargets, selected: Promise<Selected>, topicsOf: Promise<string[]>, now: number, signal: AbortSignal): Promise<Outcome> {
  const { source, read } = await selected;
  if (!source) return unknown("needs_connector", {}, {}, "/connectors/register");
  const topics = await topicsOf;
  if (!topics.length) return unknown("needs_connector", {}, {}, "/topics");
  const pairs = read.flatMap((c) => {
    if (c.type !== "sink") return [];
    const bucketKey = BUCKET_KEYS.find((k) => c.config[k]?.trim());
    if (!bucketKey) return [];
    return topics.filter((topic) => useOf("sink", c.config, { topic })).map((topic) => ({ sink: c, topic, bucket: c.config[bucketKey].trim(), prefix: `${(c.config["topics.dir"] ?? "topics").replace(/\/+$/, "")}/${topic}/` }));
  });
  if (!pairs.length) return missing("no_sink", { topics: topics.join(", ") }, { topics }, "/connectors/register");
  const scanned = await Promise.all(
    pairs.slice(0, 10).map(async (p) => {
      const latest = await latestObjects({ bucket: p.bucket, prefix: p.prefix, limit: 1, signal }).catch((e: unknown) => (e instanceof AppError && e.code === "no_such_bucket" ? null : Promise.reject(e)));
      const newest = latest?.objects[0] ?? null;
      return {
        sink: p.sink.name,
        cluster: p.sink.cluster,
        state: p.sink.status?.connector.state ?? "UNASSIGNED",
        running: isRunning({ state: p.sink.status?.connector.state ?? "", tasks: p.sink.status?.tasks ?? [] }),
        topic: p.topic,
        bucket: p.bucket,
        bucketExists: latest !== null,
        prefix: p.prefix,
        newestKey: newest?.key ?? null,
        newestAt: newest?.lastModified ?? null,
        keysScanned: latest?.keysScanned ?? 0,
      };
    }),
  );
  const best = [...scanned].sort((a, b) => (b.newestAt ?? "").localeCompare(a.newestAt ?? ""))[0];
  const evidence: Evidence = { windowMinutes: t.windowMinutes, sinks: scanned };
  const link = lakeHref(best.bucket, best.prefix);
  if (scanned.some((s) => isRecent(s.newestAt, now, t.windowMinutes))) return ok(evidence, link);
  const stopped = scanned.find((s) => !s.running);
  if (stopped) return missing("sink_not_running", { sink: stopped.sink, state: stopped.state }, evidence, connectorHref({ cluster: stopped.cluster, name: stopped.sink }));
  if (!best.newestAt) return missing("no_objects", { bucket: best.bucket, prefix: best.prefix }, evidence, link);
  return missing("no_recent_objects", { bucket: best.bucket, prefix: best.prefix, minutes: t.windowMinutes, at: best.newestAt }, evidence, link);
}

async function checkStreaming(t: ChecklistTargets, orders: Promise<OrdersFacts>): Promise<Outcome> {
  const ownDb = t.database === config().postgres.oltpDatabase;
  const [o, run] = await Promise.all([
    orders.catch((e: unknown) => (isUndefinedTable(e) ? null : Promise.reject(pgError(e, `Counting the orders of ${t.database}`)))),
    ownDb ? generatorRegistry().recentRuns(1, "streaming").then((r): RunSnapshot | null => r[0] ?? null, () => null) : Promise.resolve(null),
  ]);
  const evidence: Evidence = {
    database: t.database,
    streamingOrders: o?.streaming ?? 0,
    lastStreamingOrder: o?.lastStreaming ?? null,
    consoleRun: run ? { id: run.id, status: run.status, orders: run.counts.pedidos, people: run.counts.pessoas, startedAt: run.startedAt, endedAt: run.endedAt } : null,
  };
  if (!o) return missing("tables_missing", { database: t.database, table: "pedidos" }, evidence);
  if ((run && run.counts.pedidos > 0) || o.streaming > 0) return ok(evidence);
  return missing("no_streaming", { database: t.database }, evidence);
}

async function layerObjects(bucket: string, existing: Set<string>, signal: AbortSignal) {
  if (!existing.has(bucket)) return { bucket, exists: false, objects: 0, more: false, newestKey: null as string | null, newestAt: null as string | null };
  const out = await s3Call({ action: "list objects", bucket }, () => s3().send(new ListObjectsV2Command({ Bucket: bucket, MaxKeys: 1000 }), { abortSignal: signal }));
  const objects = (out.Contents ?? []).filter((o) => o.Key && !o.Key.endsWith("/"));
  const newest = objects.reduce<(typeof objects)[number] | null>((a, b) => (!a || (b.LastModified?.getTime() ?? 0) > (a.LastModified?.getTime() ?? 0) ? b : a), null);
  return { bucket, exists: true, objects: objects.length, more: Boolean(out.IsTruncated), newestKey: newest?.Key ?? null, newestAt: newest?.LastModified?.toISOString() ?? null };
}

async function checkDownstream(t: ChecklistTargets, signal: AbortSignal): Promise<Outcome> {
  const lake = (async () => {
    const existing = new Set((await listBuckets(signal)).map((b) => b.name));
    return Promise.all(t.layerBuckets.map((b) => layerObjects(b, existing, signal)));
  })();
  const warehouse = query<{ schema: string; name: string; filled: boolean; estimate: string }>(t.warehouseDatabase, WAREHOUSE_SQL, [], QUERY_TIMEOUT_MS, `Reading the tables of ${t.warehouseDatabase}`);
  const [l, w] = await Promise.allSettled([lake, warehouse]);
  const layers = l.status === "fulfilled" ? l.value : null;
  const tables = w.status === "fulfilled" ? w.value.map((r) => ({ table: `${r.schema}.${r.name}`, filled: r.filled })) : null;
  const evidence: Evidence = {
    layers: layers ? layers.map((x) => ({ ...x })) : "unknown",
    warehouse: t.warehouseDatabase,
    tables: tables ? tables.map((x) => ({ ...x })) : "unknown",
  };
  const anyLayer = layers?.some((x) => x.objects > 0) ?? false;
  const anyTable = tables?.some((x) => x.filled) ?? false;
  if (anyLayer || anyTable) {
    const firstLayer = layers?.find((x) => x.objects > 0);
    return ok(evidence, firstLayer ? lakeHref(firstLayer.bucket) : "/database?db=dw");
  }
  if (!layers && !tables) return unreachable(l.status === "rejected" ? l.reason : (w as PromiseRejectedResult).reason, "s3, postgres");
  return missing("no_downstream_data", { buckets: t.layerBuckets.join(", "), warehouse: t.warehouseDatabase }, evidence);
}

async function checkFraud(t: ChecklistTargets, cache: boolean): Promise<Outcome> {
  let counts: FraudMeasure;
  try {
    counts = await (cache ? cachedFraud(t.database) : measureFraud(t.database));
  } catch (e) {
    if (isUndefinedTable(e)) return missing("tables_missing", { database: t.database, table: "pedidos, auditoria_pedidos" });
    throw pgError(e, `Measuring fraud in ${t.database}`);
  }
  const judged = [judgeFraudKind("historical", counts.historical), judgeFraudKind("streaming", counts.streaming)];
  const verdict = fraudStatus(judged);
  const evidence: Evidence = {
    database: t.database,
    measuredAt: counts.measuredAt,
    rules: { geohash: `geohash outside the SP/MG/RJ cells ${SP_MG_RJ_CELLS.join(", ")}`, device: "a device other than the one the person uses most (people with more than one purchase)" },
    cells: [...SP_MG_RJ_CELLS],
    minOrders: FRAUD_MIN_ORDERS,
    kinds: judged.map((j) => ({ kind: j.kind, orders: j.orders, flagged: j.flagged, geohash: counts[j.kind].geohash, device: counts[j.kind].device, share: j.share, expected: j.band.expected, low: j.band.low, high: j.band.high, verdict: j.verdict })),
  };
  return { ...verdict, evidence };
}

// ---------------------------------------------------------------- the report

/** Endpoints of the lab as the report shows them: host, port, database — never a user or a password. */
export function labEndpoints(): ChecklistReport["lab"] {
  const c = config();
  return {
    postgres: endpointOf("oltp"),
    warehouse: endpointOf("dw"),
    kafka: c.kafka.brokers.map((b) => scrubSecrets(b)),
    connect: clusters().map((x) => x.url),
    s3: scrubSecrets(c.s3.endpoint),
  };
}

/** `cacheFraud`: reuse a fraud measurement younger than 30 s (the route does; a test wants a fresh one). */
export async function evaluateChecklist(targets: ChecklistTargets = defaultTargets(), opts: { cacheFraud?: boolean } = {}): Promise<ChecklistReport> {
  const started = performance.now();
  const now = Date.now();
  const signal = AbortSignal.timeout(CHECK_TIMEOUT_MS + 1000);
  const orders = readOrders(targets.database);
  orders.catch(() => undefined); // judged by the items that await it
  const selected: Promise<Selected> = readConnect().then(({ connectors }) => ({ source: selectSource(sourcesOf(connectors), targets.database, targets.connector, COURSE_CONNECTOR), read: connectors }));
  selected.catch(() => undefined);
  const topicsOf = selected.then(({ source }) => (source ? sourceTopics(source) : []));
  topicsOf.catch(() => undefined);

  const items = await Promise.all([
    run("stack", "/", "lab", checkStack),
    run("buckets", "/lake", "s3", () => checkBuckets(targets, signal)),
    run("historical", "/generators", "postgres", () => checkHistorical(targets, orders)),
    run("connector", "/connectors", "connect", () => checkConnector(targets, selected), CHECK_TIMEOUT_MS + 4000),
    run("topic", "/topics", "kafka", () => checkTopic(targets, selected, topicsOf, now)),
    run("sink", "/lake", "s3", () => checkSink(targets, selected, topicsOf, now, signal)),
    run("streaming", "/generators", "postgres", () => checkStreaming(targets, orders)),
    run("downstream", "/lake", "s3, postgres", () => checkDownstream(targets, signal)),
    run("fraud", "/sql", "postgres", () => checkFraud(targets, opts.cacheFraud ?? false), opts.cacheFraud ? CHECK_TIMEOUT_MS : FRAUD_TIMEOUT_MS + 2000),
  ]);
  return {
    checkedAt: new Date(now).toISOString(),
    targets,
    items,
    lab: labEndpoints(),
    fraudTolerance: { historical: shareBand(FRAUD_EXPECTED.historical), streaming: shareBand(FRAUD_EXPECTED.streaming), minOrders: FRAUD_MIN_ORDERS },
    durationMs: Math.round(performance.now() - started),
  };
}

// Many viewers poll every 5–10 s: one evaluation at a time per targets, a result younger than REPORT_CACHE_MS reused.
const REPORT_CACHE_MS = 3_000;
const reports = processWide("checklist.reports", () => new Map<string, { at: number | null; value: Promise<ChecklistReport> }>());

export function cachedChecklist(targets: ChecklistTargets = defaultTargets()): Promise<ChecklistReport> {
  const key = JSON.stringify(targets);
  const hit = reports.get(key);
  // at === null: still running — share it.
  if (hit && (hit.at === null || Date.now() - hit.at < REPORT_CACHE_MS)) return hit.value;
  for (const [k, v] of reports) if (v.at !== null && Date.now() - v.at > 60_000) reports.delete(k);
  const entry: { at: number | null; value: Promise<ChecklistReport> } = { at: null, value: evaluateChecklist(targets, { cacheFraud: true }) };
  reports.set(key, entry);
  entry.value.then(
    () => (entry.at = Date.now()),
    () => reports.delete(key),
  );
  return entry.value;
}
