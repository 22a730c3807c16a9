"use client";

// The overview's pipeline, live: what is configured (tables → sources → topics → sinks → buckets, per Connect
// cluster) with each stage's health, rate, cause in words and the link that fixes it, from the server's one sampler
// over SSE. Large type and strong colours: it is read on a projector.
import { useLabHealthQuery } from "@/data/health/use-lab-health";
import Link from "next/link";
import { HistoryChart } from "@/components/charts/HistoryChart";
import { useLocale, useT } from "@/components/i18n/I18nProvider";
import { formatBytes, formatNumber, formatRate, formatTime } from "@/components/ui/format";
import { usePipelineStream } from "@/data/pipeline/use-pipeline-stream";
import type { MessageKey } from "@/i18n/format";
import type { PipelineCluster, PipelineNode, StageKind } from "@/lib/pipeline/shared/graph";
import type { HealthLevel, PipelineSnapshot, StageHealth, StageMetrics } from "@/lib/pipeline/shared/metrics";

const STAGES: StageKind[] = ["table", "source", "topic", "sink", "bucket"];

const CARD: Record<HealthLevel, string> = {
  ok: "border-emerald-600 bg-emerald-50",
  warn: "border-amber-500 bg-amber-50",
  error: "border-red-600 bg-red-50",
  unknown: "border-slate-400 bg-white",
};
const BADGE: Record<HealthLevel, string> = {
  ok: "bg-emerald-700 text-white",
  warn: "bg-amber-400 text-slate-950",
  error: "bg-red-700 text-white",
  unknown: "bg-slate-600 text-white",
};

function titleOf(n: PipelineNode): string {
  switch (n.kind) {
    case "table":
      return `${n.schema}.${n.table}`;
    case "topic":
      return n.name;
    case "bucket":
      return n.prefix ? `${n.bucket}/${n.prefix}/` : n.bucket;
    default:
      return n.name;
  }
}

function subtitleOf(n: PipelineNode): string | null {
  if (n.kind === "table") return n.database;
  if (n.kind === "source" || n.kind === "sink") return n.className.split(".").pop() ?? n.className;
  return null;
}

function MetricLines({ node, m }: { node: PipelineNode; m: StageMetrics | undefined }) {
  const t = useT();
  const locale = useLocale();
  const lines: string[] = [];
  const measuring = t("pipeline.metrics.measuring");
  if (node.kind === "table") lines.push(m?.rate == null ? measuring : t("pipeline.metrics.rowChanges", { rate: formatRate(locale, m.rate) }));
  if (node.kind === "topic") lines.push(m?.rate == null ? measuring : t("pipeline.metrics.events", { rate: formatRate(locale, m.rate) }));
  if (node.kind === "source" || node.kind === "sink") lines.push(t("pipeline.metrics.state", { state: node.state }));
  if (node.kind === "source" && node.slot) {
    lines.push(t("pipeline.metrics.slot", { slot: node.slot }));
    if (m?.retainedBytes != null) lines.push(t("pipeline.metrics.wal", { bytes: formatBytes(locale, m.retainedBytes) }));
  }
  if (node.kind === "sink" && m?.lag != null) lines.push(t("pipeline.metrics.lag", { count: formatNumber(locale, m.lag) }));
  if ((node.kind === "sink" || node.kind === "bucket") && m?.objects != null) {
    const vars = { objects: formatNumber(locale, m.objects), bytes: formatBytes(locale, m.bytes ?? 0) };
    lines.push(m.truncated ? t("pipeline.metrics.writtenTruncated", vars) : t("pipeline.metrics.written", vars));
  }
  if (node.kind === "sink" && node.bucket === null) lines.push(t("pipeline.noTarget"));
  return (
    <ul className="mt-2 space-y-0.5 text-lg text-slate-900" data-testid="stage-metrics">
      {lines.map((l) => (
        <li key={l}>{l}</li>
      ))}
    </ul>
  );
}

function StageCard({ node, health, m, targets }: { node: PipelineNode; health: StageHealth | undefined; m: StageMetrics | undefined; targets: string[] }) {
  const t = useT();
  const locale = useLocale();
  const level = health?.level ?? "unknown";
  const params = Object.fromEntries(Object.entries(health?.cause?.params ?? {}).map(([k, v]) => [k, typeof v === "number" ? formatNumber(locale, v) : v]));
  const subtitle = subtitleOf(node);
  return (
    <li data-testid={`stage-${node.id}`} data-level={level} data-rate={m?.rate ?? undefined} data-lag={m?.lag ?? undefined} className={`rounded-xl border-[3px] p-4 ${CARD[level]}`}>
      <div className="flex items-start justify-between gap-2">
        <h4 className="min-w-0 font-mono text-xl leading-tight font-bold break-all text-slate-950">{titleOf(node)}</h4>
        <span className={`shrink-0 rounded-md px-2 py-0.5 text-base font-bold ${BADGE[level]}`}>{t(`pipeline.level.${level}`)}</span>
      </div>
      {subtitle ? <p className="mt-0.5 text-base text-slate-700">{subtitle}</p> : null}
      <MetricLines node={node} m={m} />
      {health?.cause ? (
        <p className="mt-2 text-lg leading-snug font-semibold text-slate-950" data-testid="stage-cause">
          {t(`pipeline.causes.${health.cause.code}` as MessageKey, params)}
        </p>
      ) : null}
      {targets.length ? (
        <p className="mt-2 text-base break-all text-slate-800">
          <span aria-hidden="true" className="font-bold">→ </span>
          <span className="sr-only">{t("pipeline.feeds")} </span>
          {targets.join(", ")}
        </p>
      ) : null}
      {health?.link ? (
        <Link href={health.link} data-testid="stage-link" className="mt-3 inline-flex rounded-md border-2 border-slate-900 bg-white px-3 py-1 text-lg font-bold text-slate-950 hover:bg-slate-100">
          {level === "error" || level === "warn" ? t("pipeline.fix") : t("pipeline.open")} →
        </Link>
      ) : null}
    </li>
  );
}

function ClusterGraph({ cluster, snapshot }: { cluster: PipelineCluster; snapshot: PipelineSnapshot }) {
  const t = useT();
  const { graph } = snapshot;
  const ids = new Set(cluster.nodes);
  const targetsOf = (id: string) => graph.edges.filter((e) => e.from === id && ids.has(e.to)).map((e) => titleOf(graph.nodes[e.to]!));
  return (
    <section data-testid={`pipeline-cluster-${cluster.slug}`} className="space-y-3">
      <h3 className="text-xl font-bold text-slate-900">
        {t("pipeline.cluster", { slug: cluster.slug })} <span className="font-mono text-base font-normal text-slate-700">{cluster.url}</span>
      </h3>
      {cluster.error ? (
        <p role="alert" className="rounded-lg border-2 border-red-600 bg-red-50 p-3 text-lg text-red-900">
          {t("pipeline.clusterError", { message: cluster.error })}
        </p>
      ) : null}
      {cluster.nodes.length ? (
        <div className="grid grid-cols-1 gap-4 lg:grid-cols-5">
          {STAGES.map((stage) => {
            const nodes = cluster.nodes.map((id) => graph.nodes[id]!).filter((n) => n.kind === stage);
            return (
              <div key={stage}>
                <h4 className="mb-2 border-b-2 border-slate-900 pb-1 text-lg font-bold tracking-wide text-slate-900 uppercase">{t(`pipeline.stages.${stage}`)}</h4>
                <ul className="space-y-3">
                  {nodes.map((n) => (
                    <StageCard key={n.id} node={n} health={snapshot.health[n.id]} m={snapshot.metrics[n.id]} targets={targetsOf(n.id)} />
                  ))}
                </ul>
              </div>
            );
          })}
        </div>
      ) : null}
    </section>
  );
}

function EmptyPipeline() {
  const t = useT();
  return (
    <div data-testid="pipeline-empty" className="rounded-xl border-2 border-dashed border-slate-500 bg-white p-6">
      <p className="text-2xl font-bold text-slate-900">{t("pipeline.empty")}</p>
      <p className="mt-2 max-w-3xl text-lg text-slate-800">{t("pipeline.emptyHint")}</p>
      <Link href="/connectors/register" className="mt-4 inline-flex rounded-md bg-slate-900 px-4 py-2 text-lg font-bold text-white hover:bg-slate-700">
        {t("pipeline.register")} →
      </Link>
    </div>
  );
}

/** One broker or Connect worker down: the pipeline still flows, but the room should know (amber, with the count). */
function DegradedServices() {
  const t = useT();
  const { data } = useLabHealthQuery();
  const degraded = (data?.services ?? []).filter((s) => s.up && s.degraded && s.members);
  return degraded.map((s) => (
    <p key={s.id} role="status" data-testid={`pipeline-degraded-${s.id}`} className="rounded-lg border-2 border-amber-500 bg-amber-50 p-3 text-lg font-semibold text-amber-950">
      {t(`health.services.${s.id}`)} — {t("overview.status.degraded", { members: t("health.membersUp", { up: s.members!.up, expected: s.members!.expected, kind: t(`health.memberKinds.${s.members!.kind}`) }) })}
    </p>
  ));
}

export function PipelineOverview() {
  const t = useT();
  const locale = useLocale();
  const { connection, snapshot } = usePipelineStream();
  const hasNodes = snapshot ? snapshot.graph.clusters.some((c) => c.nodes.length > 0) : false;
  return (
    <div className="space-y-6" data-testid="pipeline-overview">
      <p className="text-lg text-slate-800" aria-live="polite" data-testid="pipeline-connection" data-connection={connection}>
        {connection === "reconnecting" ? t("pipeline.reconnecting") : !snapshot ? t("pipeline.connecting") : `${t("pipeline.live", { seconds: snapshot.intervalMs / 1000 })} · ${t("pipeline.sampledAt", { time: formatTime(locale, snapshot.at) })}`}
      </p>
      <DegradedServices />
      {snapshot?.errors.map((e) => (
        <p key={`${e.system}-${e.code}`} role="alert" className="rounded-lg border-2 border-amber-500 bg-amber-50 p-3 text-lg text-amber-950">
          {t("pipeline.systemError", { system: e.system, message: e.message })}
        </p>
      ))}
      {snapshot && !hasNodes ? <EmptyPipeline /> : null}
      {snapshot?.graph.clusters.filter((c) => c.nodes.length > 0 || c.error).map((c) => <ClusterGraph key={c.id} cluster={c} snapshot={snapshot} />)}
      {snapshot && hasNodes ? (
        <div className="grid grid-cols-1 gap-4 xl:grid-cols-2">
          <HistoryChart kind="topic_rate" title={t("pipeline.charts.eventsPerSecond")} testId="overview-chart-topics" />
          <HistoryChart kind="sink_lag" title={t("pipeline.charts.sinkLag")} label={(k) => k.slice(k.indexOf("/") + 1)} testId="overview-chart-lag" />
        </div>
      ) : null}
    </div>
  );
}
