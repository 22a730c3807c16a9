// Each stage's health from the graph and the latest figures: a level, the cause in words (a catalog code and its
// params, rendered in the viewer's language) and the page that fixes it. Pure.
import "server-only";
import type { ConnectorNode, PipelineGraph, PipelineNode } from "./shared/graph";
import type { StageHealth, StageMetrics } from "./shared/metrics";

export interface HealthContext {
  /** Buckets the S3 server says do not exist. */
  missingBuckets: Set<string>;
  /** Systems that could not be read this time: their stages are unknown, not green. */
  down: Set<"connect" | "kafka" | "postgres" | "s3">;
}

const connectorLink = (n: ConnectorNode) => `/connectors/${encodeURIComponent(n.clusterSlug)}/${encodeURIComponent(n.name)}`;

export function doctorLink(database: string, connector?: ConnectorNode): string {
  const q = new URLSearchParams({ db: database, tab: "doctor" });
  if (connector) {
    q.set("cluster", connector.cluster);
    q.set("connector", connector.name);
  }
  return `/database?${q.toString()}`;
}

const ok = (link: string | null): StageHealth => ({ level: "ok", cause: null, link });
const bad = (level: StageHealth["level"], code: string, params: Record<string, string | number>, link: string | null): StageHealth => ({ level, cause: { code, params }, link });

function connectorHealth(n: ConnectorNode, m: StageMetrics | undefined, ctx: HealthContext): StageHealth {
  const link = connectorLink(n);
  const failedTask = n.tasks.find((t) => t.state === "FAILED");
  if (n.state === "FAILED" || failedTask) return bad("error", "connector_failed", { name: n.name, detail: n.failure ?? "" }, link);
  if (n.state === "PAUSED") return bad("error", n.kind === "sink" ? "sink_paused" : "source_paused", { name: n.name, lag: m?.lag ?? 0 }, link);
  if (n.state === "STOPPED") return bad("error", "connector_stopped", { name: n.name }, link);
  if (n.state !== "RUNNING") return bad("warn", "connector_starting", { name: n.name, state: n.state }, link);
  if (n.kind === "source" && n.slot && n.database && !ctx.down.has("postgres")) {
    if (m?.slotActive === null) return bad("warn", "slot_missing", { slot: n.slot }, doctorLink(n.database, n));
    if (m?.slotActive === false) return bad("error", "slot_inactive", { slot: n.slot }, doctorLink(n.database, n));
  }
  if (n.kind === "sink" && ctx.down.has("kafka")) return bad("unknown", "kafka_unreadable", {}, "/topics");
  return ok(link);
}

function healthOf(node: PipelineNode, graph: PipelineGraph, metrics: Record<string, StageMetrics>, ctx: HealthContext): StageHealth {
  const m = metrics[node.id];
  switch (node.kind) {
    case "table": {
      const source = graph.edges.map((e) => (e.from === node.id ? graph.nodes[e.to] : undefined)).find((n): n is ConnectorNode => n?.kind === "source");
      const link = node.known ? doctorLink(node.database, source) : null;
      if (!node.known) return bad("unknown", "database_unknown", { database: node.database }, null);
      if (ctx.down.has("postgres") || node.exists === null) return bad("unknown", "postgres_unreadable", {}, link);
      if (node.exists === false) return bad("error", "table_missing", { table: `${node.schema}.${node.table}` }, link);
      if (node.inPublication === false) return bad("error", "table_not_in_publication", { table: `${node.schema}.${node.table}`, publication: node.publication ?? "" }, link);
      return ok(link);
    }
    case "source":
    case "sink":
      if (ctx.down.has("connect")) return bad("unknown", "connect_unreadable", {}, connectorLink(node));
      return connectorHealth(node, m, ctx);
    case "topic": {
      const link = `/topics/${encodeURIComponent(node.name)}`;
      if (node.exists === null) return bad("unknown", "kafka_unreadable", {}, "/topics");
      if (!node.exists) return bad("warn", "topic_missing", { topic: node.name }, "/topics");
      return ok(link);
    }
    case "bucket": {
      if (ctx.missingBuckets.has(node.bucket)) return bad("error", "bucket_missing", { bucket: node.bucket }, "/lake");
      const link = `/lake/${encodeURIComponent(node.bucket)}${node.prefix ? `?prefix=${encodeURIComponent(`${node.prefix}/`)}` : ""}`;
      if (ctx.down.has("s3")) return bad("unknown", "s3_unreadable", {}, link);
      return ok(link);
    }
  }
}

export function stageHealth(graph: PipelineGraph, metrics: Record<string, StageMetrics>, ctx: HealthContext): Record<string, StageHealth> {
  const out: Record<string, StageHealth> = {};
  for (const node of Object.values(graph.nodes)) out[node.id] = healthOf(node, graph, metrics, ctx);
  return out;
}
