import "server-only";
import * as connect from "../../connect/client";
import { clusters, resolveCluster } from "../../connect/client";
import { isDebeziumPostgres } from "../../connect/debezium-evidence";
import { BUCKET_KEYS, useOf as connectorUse } from "../../connect/shared/usage-match";
import { AppError } from "../../errors";
import { DEBEZIUM_DEFAULTS } from "../../pg/debezium-connectors";
import { pool } from "../../pg/client";
import { pgError, readOnly } from "../../pg/session";
import { capturesTable, topicOfTable, type EventFacts, type SinkFacts } from "./match";
import type { TraceSink } from "../shared/trace";

// Which connector and table a trace uses (the input, or a sensible default), the sinks that read its topic, and the
// facts behind a stop cause — read from Connect and PostgreSQL when they are needed, never cached.

export interface TracePlan {
  cluster: string;
  connector: string;
  config: Record<string, string>;
  schema: string;
  table: string;
  topic: string;
}

const firstBad = (tasks: { state: string }[] | undefined) => tasks?.find((t) => t.state !== "RUNNING")?.state ?? null;

/** The Debezium PostgreSQL connector named, or the first RUNNING one of any cluster (then any). */
async function pickConnector(clusterId?: string, name?: string): Promise<{ cluster: string; name: string; config: Record<string, string> }> {
  if (name) {
    const cluster = resolveCluster(clusterId ?? "0");
    const cfg = await connect.getConnectorConfig(cluster, name);
    if (!isDebeziumPostgres(cfg["connector.class"] ?? "")) {
      throw new AppError(422, "trace_not_debezium", `Connector "${name}" is not a Debezium PostgreSQL source: a trace starts from a change in PostgreSQL.`, "console", { params: { connector: name } });
    }
    return { cluster: cluster.id, name, config: cfg };
  }
  const found: { cluster: string; name: string; config: Record<string, string>; running: boolean }[] = [];
  for (const cluster of clusterId ? [resolveCluster(clusterId)] : clusters()) {
    const expanded = await connect.listConnectorsExpanded(cluster);
    for (const [n, v] of Object.entries(expanded).sort(([a], [b]) => a.localeCompare(b))) {
      const cfg = v.info?.config ?? {};
      if (isDebeziumPostgres(cfg["connector.class"] ?? "")) found.push({ cluster: cluster.id, name: n, config: cfg, running: v.status?.connector.state === "RUNNING" });
    }
  }
  const pick = found.find((c) => c.running) ?? found[0];
  if (!pick) throw new AppError(404, "trace_no_connector", "No Debezium PostgreSQL connector is registered: register one first (Connectors → Register), then trace a change.", "console");
  return pick;
}

/** Tables of the connector's database that its lists capture, `schema.table`, sorted (public.pessoas first: the course's). */
async function capturedTables(cfg: Record<string, string>): Promise<string[]> {
  const rows = await readOnly("oltp", "trace: list the tables", async (c) =>
    (
      await c.query<{ s: string; t: string }>(
        `SELECT n.nspname AS s, r.relname AS t FROM pg_class r JOIN pg_namespace n ON n.oid = r.relnamespace
          WHERE r.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'
          ORDER BY 1, 2`,
      )
    ).rows,
  );
  const all = rows.filter((r) => capturesTable(cfg, r.s, r.t)).map((r) => `${r.s}.${r.t}`);
  return all.sort((a, b) => Number(b === "public.pessoas") - Number(a === "public.pessoas") || a.localeCompare(b));
}

function splitTable(full: string): { schema: string; table: string } {
  const dot = full.indexOf(".");
  return { schema: full.slice(0, dot), table: full.slice(dot + 1) };
}

/** The connector, table and topic of a new trace; refuses a table the connector does not capture. */
export async function planTrace(input: { cluster?: string; connector?: string; table?: string }): Promise<TracePlan> {
  const c = await pickConnector(input.cluster, input.connector);
  const captured = await capturedTables(c.config);
  let full: string;
  if (input.table) {
    const { schema, table } = splitTable(input.table);
    if (!capturesTable(c.config, schema, table) || !captured.some((t) => t === `${schema}.${table}`)) {
      throw new AppError(422, "trace_table_not_captured", `Connector "${c.name}" does not capture ${input.table} (its include/exclude lists). Captured: ${captured.slice(0, 10).join(", ") || "none"}.`, "console", {
        params: { connector: c.name, table: input.table, captured: captured.slice(0, 10).join(", ") },
      });
    }
    full = `${schema}.${table}`;
  } else {
    if (!captured.length) throw new AppError(422, "trace_nothing_captured", `Connector "${c.name}" captures no existing table: check its table.include.list.`, "console", { params: { connector: c.name } });
    full = captured[0]!;
  }
  const { schema, table } = splitTable(full);
  return { cluster: c.cluster, connector: c.name, config: c.config, schema, table, topic: topicOfTable(c.config, schema, table) };
}

/** Every sink of every cluster that reads `topic`, with where it writes, its state and its flush settings. */
export async function sinksOf(topic: string): Promise<SinkFacts[]> {
  const out: SinkFacts[] = [];
  for (const cluster of clusters()) {
    const expanded = await connect.listConnectorsExpanded(cluster);
    for (const [name, v] of Object.entries(expanded)) {
      const cfg = v.info?.config ?? {};
      const type = v.info?.type ?? v.status?.type;
      if (type !== "sink" || !connectorUse("sink", cfg, { topic })) continue;
      const bucketKey = BUCKET_KEYS.find((k) => cfg[k]);
      if (!bucketKey) continue;
      const dir = (cfg["topics.dir"] ?? "topics").replace(/^\/+|\/+$/g, "");
      out.push({
        cluster: cluster.id,
        name,
        bucket: cfg[bucketKey]!.trim(),
        prefix: `${dir ? `${dir}/` : ""}${topic}/`,
        state: v.status?.connector.state ?? "UNASSIGNED",
        taskState: firstBad(v.status?.tasks),
        flushSize: cfg["flush.size"] ?? "",
        rotateIntervalMs: cfg["rotate.interval.ms"] ?? "",
      });
    }
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}

export const sinkView = (s: SinkFacts): TraceSink => ({ cluster: s.cluster, name: s.name, bucket: s.bucket, prefix: s.prefix });

/** What the console checks when no event came, read now (the connector's config may have changed since the start). */
export async function eventFacts(plan: TracePlan, seconds: number): Promise<EventFacts> {
  const cluster = resolveCluster(plan.cluster);
  const [status, cfg] = await Promise.all([
    connect.getConnectorStatus(cluster, plan.connector).catch(() => null),
    connect.getConnectorConfig(cluster, plan.connector).catch(() => plan.config),
  ]);
  const publication = cfg["publication.name"] || DEBEZIUM_DEFAULTS["publication.name"];
  const slot = cfg["slot.name"] || DEBEZIUM_DEFAULTS["slot.name"];
  let inPublication = false;
  let slotActive: boolean | null = null;
  try {
    const r = await pool("oltp").query<{ in_pub: boolean; active: boolean | null }>(
      `SELECT (EXISTS (SELECT 1 FROM pg_publication p WHERE p.pubname = $1 AND p.puballtables)
               OR EXISTS (SELECT 1 FROM pg_publication_tables pt WHERE pt.pubname = $1 AND pt.schemaname = $2 AND pt.tablename = $3)) AS in_pub,
              (SELECT active FROM pg_replication_slots WHERE slot_name = $4) AS active`,
      [publication, plan.schema, plan.table, slot],
    );
    inPublication = r.rows[0]!.in_pub;
    slotActive = r.rows[0]!.active;
  } catch (e) {
    throw pgError(e, "trace: check the publication and the slot");
  }
  return {
    cluster: plan.cluster,
    connector: plan.connector,
    connectorState: status?.connector.state ?? "NOT_FOUND",
    taskState: status ? firstBad(status.tasks) : null,
    capturedByConfig: capturesTable(cfg, plan.schema, plan.table),
    publication,
    inPublication,
    slot,
    slotActive,
    table: `${plan.schema}.${plan.table}`,
    seconds,
  };
}
