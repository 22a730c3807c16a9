import "server-only";
import { ListObjectsV2Command } from "@aws-sdk/client-s3";
import type { Admin } from "kafkajs";
import * as connect from "../connect/client";
import { clusters as connectClusters, redactionList } from "../connect/client";
import { traceView } from "../connect/shared/draft";
import { AppError } from "../errors";
import { generatorRegistry } from "../generators/registry";
import { withAdmin } from "../kafka/admin";
import { endOffsets } from "../kafka/end-offsets";
import { databaseOfConnector } from "../pg/debezium-connectors";
import { readOnly, resolveDatabase } from "../pg/session";
import { processWide } from "../process-wide";
import { s3 } from "../s3/client";
import { s3Call } from "../s3/errors";
import { latestObjects } from "../s3/objects/latest";
import { redactValues } from "../shared/secrets";
import { buildGraph, type ClusterInput, type DatabaseFacts } from "./graph";
import type { ConnectorNode, PipelineGraph } from "./shared/graph";
import { stageHealth } from "./health";
import { History, ratePerSecond, type SeriesKind, type SeriesPoints } from "./history";
import type { PipelineSnapshot, SlotSample, StageMetrics } from "./shared/metrics";

// The one pipeline sampler of the server process (processWide): every INTERVAL_MS it reads what is configured and
// how it moves, builds the graph, and hands the same snapshot to every viewer of the overview stream; the history
// routes read its ring buffers. Per tick, whatever the number of viewers:
//   Connect: 2 requests per cluster (the expanded listing);
//   PostgreSQL, per database a Debezium source reads: 3 queries on one connection (pg_stat_user_tables — the table
//     list and every table's counters in one — publications, replication slots);
//   Kafka: one admin connection (topic names, one OffsetFetch per sink group) and one ListOffsets per broker for the
//     end offsets of all the graph's topics (lib/kafka/end-offsets.ts);
//   S3, per sink and topic folder: one ListObjectsV2 of at most S3_PAGES pages starting at the newest time partition
//     (StartAfter), after one bounded latestObjects scan to find it; at most S3_PREFIXES folders a tick.
// Sampling starts with the first viewer or history read, and stops IDLE_STOP_MS after the last one left.

export const INTERVAL_MS = 2_000;
export const IDLE_STOP_MS = 5 * 60_000;
const S3_PAGES = 2;
const S3_PREFIXES = 40;
const WINDOW_MS = 60_000;
const RESCAN_MS = 30_000;
/** S3Proxy's filesystem store lists an upload in flight as `<key>-<uuid>`: not an object yet. */
const IN_FLIGHT = /-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

type System = PipelineSnapshot["errors"][number]["system"];

function errorOf(system: System, e: unknown): PipelineSnapshot["errors"][number] {
  if (e instanceof AppError) return { system, code: e.code, message: e.message };
  return { system, code: `${system}_unreadable`, message: e instanceof Error ? e.message : String(e) };
}

async function readClusters(): Promise<{ clusters: ClusterInput[]; errors: PipelineSnapshot["errors"] }> {
  const errors: PipelineSnapshot["errors"] = [];
  const clusters = await Promise.all(
    connectClusters().map(async (cluster): Promise<ClusterInput> => {
      try {
        const expanded = await connect.listConnectorsExpanded(cluster);
        return {
          ...cluster,
          error: null,
          connectors: Object.entries(expanded).map(([name, v]) => {
            const cfg = v.info?.config ?? {};
            const secrets = redactionList(cfg);
            const failedTrace = v.status?.connector.state === "FAILED" ? v.status.connector.trace : v.status?.tasks.find((t) => t.state === "FAILED")?.trace;
            const view = traceView(failedTrace ? redactValues(failedTrace, secrets) : null);
            return {
              name,
              type: v.info?.type ?? v.status?.type,
              config: cfg,
              state: v.status?.connector.state ?? null,
              tasks: (v.status?.tasks ?? []).map((t) => ({ id: t.id, state: t.state })),
              failure: view ? (view.rootCause ?? view.summary) : null,
              database: cfg["connector.class"]?.includes("postgresql") ? databaseOfConnector(cfg) : null,
            };
          }),
        };
      } catch (e) {
        errors.push(errorOf("connect", e));
        return { ...cluster, connectors: [], error: e instanceof Error ? e.message : String(e) };
      }
    }),
  );
  return { clusters, errors };
}

interface DatabaseRead {
  facts: DatabaseFacts;
  changes: Map<string, number>;
  slots: SlotSample[];
}

const STATS_SQL = `select schemaname || '.' || relname as name, (n_tup_ins + n_tup_upd + n_tup_del)::float8 as changes from pg_stat_user_tables`;
const PUBLICATIONS_SQL = `select p.pubname, p.puballtables, coalesce(array_agg(pt.schemaname || '.' || pt.tablename) filter (where pt.tablename is not null), '{}') as tables
  from pg_publication p left join pg_publication_tables pt on pt.pubname = p.pubname group by p.pubname, p.puballtables`;
const SLOTS_SQL = `select slot_name, active, pg_wal_lsn_diff(pg_current_wal_lsn(), restart_lsn)::float8 as retained from pg_replication_slots where database = current_database()`;

async function readDatabase(id: string): Promise<DatabaseRead> {
  const { role } = resolveDatabase(id);
  return readOnly(role, "sample the pipeline", async (c) => {
    const stats = await c.query<{ name: string; changes: number }>(STATS_SQL);
    const pubs = await c.query<{ pubname: string; puballtables: boolean; tables: string[] }>(PUBLICATIONS_SQL);
    const slots = await c.query<{ slot_name: string; active: boolean; retained: number | null }>(SLOTS_SQL);
    return {
      facts: { tables: stats.rows.map((r) => r.name).sort(), publications: Object.fromEntries(pubs.rows.map((p) => [p.pubname, { allTables: p.puballtables, tables: p.tables }])) },
      changes: new Map(stats.rows.map((r) => [r.name, Number(r.changes)])),
      slots: slots.rows.map((s) => ({ database: id, slot: s.slot_name, active: s.active, retainedBytes: s.retained === null ? null : Number(s.retained) })),
    };
  });
}

interface KafkaRead {
  topics: string[];
  ends: Map<string, Map<number, number>>;
  committed: Map<string, Map<string, Map<number, number>>>;
}

async function readOffsets(admin: Admin, graph: PipelineGraph, topics: string[]): Promise<KafkaRead> {
  const known = new Set(topics);
  const wanted = Object.values(graph.nodes).flatMap((n) => (n.kind === "topic" && known.has(n.name) ? [n.name] : []));
  const committed = new Map<string, Map<string, Map<number, number>>>();
  if (wanted.length === 0) return { topics, ends: new Map(), committed };
  const sinks = Object.values(graph.nodes).filter((n): n is ConnectorNode => n.kind === "sink" && n.group !== null);
  const topicsOf = (sink: ConnectorNode) => graph.edges.filter((e) => e.to === sink.id).map((e) => graph.nodes[e.from]).flatMap((n) => (n?.kind === "topic" && known.has(n.name) ? [n.name] : []));
  const [ends] = await Promise.all([
    endOffsets(admin, wanted),
    ...sinks.map(async (s) => {
      const ts = topicsOf(s);
      if (ts.length === 0) return;
      const res = await admin.fetchOffsets({ groupId: s.group!, topics: ts });
      committed.set(s.id, new Map(res.map((r) => [r.topic, new Map(r.partitions.map((p) => [p.partition, Number(p.offset)]))])));
    }),
  ]);
  return { topics, ends, committed };
}

/** Where the newest objects of one folder land, kept between ticks. */
interface FolderCursor {
  /** The folder (time partition) of the newest object seen; listings start there. */
  newestFolder: string | null;
  scannedAt: number;
}

export class PipelineSampler {
  readonly history = new History();
  latest: PipelineSnapshot | null = null;
  /** Server ms of the last ticks (sampling + graph), for the bench. */
  readonly tickDurations: number[] = [];
  /** Where the last tick's time went (ms since its start when each part finished), for the bench. */
  lastPhases: Record<string, number> = {};
  private readonly listeners = new Set<(s: PipelineSnapshot) => void>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private lastUse = 0;
  private running = false;
  private previous = new Map<string, { at: number; value: number }>();
  private readonly cursors = new Map<string, FolderCursor>();

  /** Every snapshot from now on (the latest one at once); sampling runs while anyone listens. */
  subscribe(listener: (s: PipelineSnapshot) => void): () => void {
    this.listeners.add(listener);
    this.touch();
    if (this.latest) listener(this.latest);
    return () => {
      this.listeners.delete(listener);
      this.lastUse = Date.now();
    };
  }

  /** A history read: keeps the sampler going (or starts it) for IDLE_STOP_MS more. */
  touch() {
    this.lastUse = Date.now();
    if (!this.running) {
      this.running = true;
      this.schedule(0);
    }
  }

  get viewers() {
    return this.listeners.size;
  }

  readHistory(kind: SeriesKind, keys: string[] | null): SeriesPoints[] {
    this.touch();
    return this.history.read(kind, keys, Date.now());
  }

  private schedule(delay: number) {
    this.timer = setTimeout(() => void this.loop(), delay);
    this.timer.unref?.();
  }

  private async loop() {
    if (this.listeners.size === 0 && Date.now() - this.lastUse > IDLE_STOP_MS) {
      this.running = false;
      this.timer = null;
      return;
    }
    const started = Date.now();
    try {
      const snapshot = await this.tick();
      for (const l of this.listeners) {
        try {
          l(snapshot);
        } catch {
          // one viewer's failure is not the others'
        }
      }
    } catch {
      // tick() reports every system's failure in the snapshot; nothing reaches here but a bug
    }
    this.schedule(Math.max(0, INTERVAL_MS - (Date.now() - started)));
  }

  /** One sample of everything; exposed for the bench (it times this). */
  async tick(): Promise<PipelineSnapshot> {
    const t0 = performance.now();
    const at = Date.now();
    const errors: PipelineSnapshot["errors"] = [];

    const phases: Record<string, number> = {};
    const mark = (name: string) => (phases[name] = Math.round(performance.now() - t0));
    const clustersP = readClusters().finally(() => mark("connect"));
    const databasesP = clustersP.then(async ({ clusters }) => {
      const ids = [...new Set(clusters.flatMap((c) => c.connectors.flatMap((x) => (x.database ? [x.database] : []))))];
      const out = new Map<string, DatabaseRead>();
      await Promise.all(
        ids.map(async (id) => {
          try {
            out.set(id, await readDatabase(id));
          } catch (e) {
            errors.push(errorOf("postgres", e));
          }
        }),
      );
      mark("postgres");
      return out;
    });
    const inputs = async (topics: string[] | null) => {
      const [{ clusters, errors: ce }, dbs] = await Promise.all([clustersP, databasesP]);
      errors.push(...ce);
      const graph = buildGraph({ clusters, databases: Object.fromEntries([...dbs].map(([id, d]) => [id, d.facts])), topics });
      return { graph, dbs };
    };

    let graph: PipelineGraph;
    let dbs: Map<string, DatabaseRead>;
    let kafka: KafkaRead | null = null;
    try {
      const r = await withAdmin("sample the pipeline", async (admin) => {
        const topics = await admin.listTopics();
        const i = await inputs(topics);
        const offsets = await readOffsets(admin, i.graph, topics);
        mark("kafka");
        return { ...i, kafka: offsets };
      });
      ({ graph, dbs, kafka } = r);
    } catch (e) {
      errors.push(errorOf("kafka", e));
      ({ graph, dbs } = await inputs(null));
    }

    const metrics: Record<string, StageMetrics> = {};
    const rate = (key: string, value: number) => {
      const r = ratePerSecond(this.previous.get(key), at, value);
      this.previous.set(key, { at, value });
      return r;
    };
    const slots = [...dbs.values()].flatMap((d) => d.slots);

    for (const node of Object.values(graph.nodes)) {
      if (node.kind === "table") {
        const changes = dbs.get(node.database)?.changes.get(`${node.schema}.${node.table}`);
        metrics[node.id] = { rate: changes === undefined ? null : rate(node.id, changes) };
        this.history.record("table_rate", node.id, at, metrics[node.id]!.rate ?? null);
      } else if (node.kind === "topic") {
        const ends = kafka?.ends.get(node.name);
        const total = ends ? [...ends.values()].reduce((s, o) => s + o, 0) : undefined;
        // A topic that did not exist at the last sample (Debezium creates it with the first change) started at 0.
        const was = this.latest?.graph.nodes[node.id];
        if (total !== undefined && !this.previous.has(node.id) && was?.kind === "topic" && was.exists === false) this.previous.set(node.id, { at: this.latest!.at, value: 0 });
        metrics[node.id] = { rate: total === undefined ? null : rate(node.id, total) };
        this.history.record("topic_rate", node.name, at, metrics[node.id]!.rate ?? null);
      } else if (node.kind === "sink") {
        const committed = kafka?.committed.get(node.id);
        let lag: number | null = null;
        if (kafka && committed) {
          lag = 0;
          for (const [topic, parts] of committed) {
            for (const [p, off] of parts) {
              // A partition the group never committed counts whole (an approximation when the topic was trimmed).
              const end = kafka.ends.get(topic)?.get(p);
              if (end !== undefined) lag += Math.max(0, end - (off >= 0 ? off : 0));
            }
          }
        } else if (kafka) lag = 0;
        metrics[node.id] = { lag };
        this.history.record("sink_lag", `${node.clusterSlug}/${node.name}`, at, lag);
      } else if (node.kind === "source" && node.slot && node.database) {
        const slot = dbs.has(node.database) ? slots.find((s) => s.database === node.database && s.slot === node.slot) : undefined;
        metrics[node.id] = { retainedBytes: slot?.retainedBytes ?? null, slotActive: dbs.has(node.database) ? (slot ? slot.active : null) : undefined };
      }
    }
    for (const s of slots) this.history.record("slot_wal", `${s.database}/${s.slot}`, at, s.retainedBytes);

    const missingBuckets = await this.sampleObjects(graph, metrics, at, errors);
    mark("s3");

    const live = generatorRegistry().liveRuns();
    const generators = (["historical", "streaming", "cdc"] as const).map((g) => ({ generator: g, rate: live.find((r) => r.generator === g)?.currentRate ?? 0 }));
    for (const g of generators) this.history.record("generator_rate", g.generator, at, g.rate);

    const down = new Set(errors.map((e) => e.system));
    const health = stageHealth(graph, metrics, { missingBuckets, down });
    // Forget counters of stages that are gone (a deleted table or topic must not leave a rate behind).
    for (const k of this.previous.keys()) if (!graph.nodes[k]) this.previous.delete(k);
    const tickMs = performance.now() - t0;
    this.lastPhases = phases;
    this.tickDurations.push(tickMs);
    if (this.tickDurations.length > 500) this.tickDurations.shift();
    this.latest = { at, intervalMs: INTERVAL_MS, graph, metrics, health, slots, generators, errors, tickMs };
    return this.latest;
  }

  /** Objects and bytes each sink wrote in the last minute, per topic folder; returns the buckets that do not exist. */
  private async sampleObjects(graph: PipelineGraph, metrics: Record<string, StageMetrics>, at: number, errors: PipelineSnapshot["errors"]): Promise<Set<string>> {
    const missing = new Set<string>();
    const jobs: { sink: ConnectorNode; bucket: string; prefix: string }[] = [];
    for (const sink of Object.values(graph.nodes)) {
      if (sink.kind !== "sink" || sink.bucket === null) continue;
      for (const e of graph.edges) {
        const topic = e.to === sink.id ? graph.nodes[e.from] : undefined;
        if (topic?.kind === "topic") jobs.push({ sink, bucket: sink.bucket, prefix: `${sink.topicsDir ? `${sink.topicsDir}/` : ""}${topic.name}/` });
      }
    }
    const results = await Promise.all(
      jobs.slice(0, S3_PREFIXES).map(async (j) => {
        try {
          return { j, ...(await this.recentObjects(j.bucket, j.prefix, at)) };
        } catch (e) {
          if (e instanceof AppError && e.code === "no_such_bucket") missing.add(j.bucket);
          else errors.push(errorOf("s3", e));
          return { j, objects: null, bytes: null, truncated: false };
        }
      }),
    );
    const add = (id: string, r: { objects: number | null; bytes: number | null; truncated: boolean }) => {
      const m = (metrics[id] ??= {});
      m.objects = r.objects === null ? (m.objects ?? null) : (m.objects ?? 0) + r.objects;
      m.bytes = r.bytes === null ? (m.bytes ?? null) : (m.bytes ?? 0) + r.bytes;
      m.truncated = Boolean(m.truncated || r.truncated || jobs.length > S3_PREFIXES);
    };
    for (const r of results) {
      add(r.j.sink.id, r);
      add(`bucket:${r.j.bucket}/${r.j.sink.topicsDir ?? ""}`, r);
    }
    for (const sink of Object.values(graph.nodes)) {
      if (sink.kind !== "sink" || sink.bucket === null) continue;
      const m = (metrics[sink.id] ??= {});
      m.objects ??= jobs.some((j) => j.sink.id === sink.id) ? null : 0;
      m.bytes ??= m.objects === 0 ? 0 : null;
      this.history.record("sink_objects", `${sink.clusterSlug}/${sink.name}`, at, m.objects);
      this.history.record("sink_bytes", `${sink.clusterSlug}/${sink.name}`, at, m.bytes);
    }
    return missing;
  }

  private async recentObjects(bucket: string, prefix: string, at: number): Promise<{ objects: number; bytes: number; truncated: boolean }> {
    const id = `${bucket}/${prefix}`;
    let cursor = this.cursors.get(id);
    if (!cursor || (cursor.newestFolder === null && at - cursor.scannedAt > RESCAN_MS)) {
      const latest = await latestObjects({ bucket, prefix, limit: 1 });
      const key = latest.objects[0]?.key ?? null;
      cursor = { newestFolder: key ? key.slice(0, key.lastIndexOf("/")) : null, scannedAt: at };
      this.cursors.set(id, cursor);
      if (this.cursors.size > 1000) this.cursors.delete(this.cursors.keys().next().value!);
    }
    let objects = 0;
    let bytes = 0;
    let token: string | undefined;
    let pages = 0;
    let newest = { at: 0, key: "" };
    do {
      const out = await s3Call({ action: "list objects", bucket }, () =>
        s3().send(new ListObjectsV2Command({ Bucket: bucket, Prefix: prefix, StartAfter: token ? undefined : (cursor.newestFolder ?? undefined), ContinuationToken: token, MaxKeys: 1000 })),
      );
      pages++;
      for (const o of out.Contents ?? []) {
        if (!o.Key || IN_FLIGHT.test(o.Key)) continue;
        const t = o.LastModified?.getTime() ?? 0;
        if (t > newest.at) newest = { at: t, key: o.Key ?? "" };
        if (at - t <= WINDOW_MS) {
          objects++;
          bytes += o.Size ?? 0;
        }
      }
      token = out.IsTruncated ? out.NextContinuationToken : undefined;
    } while (token && pages < S3_PAGES);
    if (newest.key) cursor.newestFolder = newest.key.slice(0, newest.key.lastIndexOf("/"));
    return { objects, bytes, truncated: Boolean(token) };
  }
}

export function pipelineSampler(): PipelineSampler {
  return processWide("pipeline.sampler", () => new PipelineSampler());
}
