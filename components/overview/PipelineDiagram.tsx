"use client";

import type { ReactNode } from "react";
import { useHydrated } from "@/components/ui/use-hydrated";
import { useLabHealthQuery } from "@/data/health/use-lab-health";
import type { LabHealth, ServiceHealth, ServiceId } from "@/lib/health-types";
import { useT } from "@/components/i18n/I18nProvider";
import { DOT_CLASS, serviceState, type ServiceState } from "@/components/health/service-status";

type NodeKey = "oltp" | "connect" | "kafka" | "sink" | "lake" | "dw";

/** Left to right, the path of a change; the sink runs inside Kafka Connect, so it shares its health. */
const MAIN_FLOW: readonly { key: NodeKey; service: ServiceId }[] = [
  { key: "oltp", service: "postgresOltp" },
  { key: "connect", service: "connect" },
  { key: "kafka", service: "kafka" },
  { key: "sink", service: "connect" },
  { key: "lake", service: "s3" },
];
const DOWNSTREAM = { key: "dw", service: "postgresDw" } as const;

const CARD_CLASS: Record<ServiceState, string> = {
  up: "border-emerald-500 bg-emerald-50",
  degraded: "border-amber-500 bg-amber-50",
  down: "border-red-500 bg-red-50",
  unknown: "border-slate-300 bg-white",
};
const STATUS_TEXT_CLASS: Record<ServiceState, string> = {
  up: "text-emerald-800",
  degraded: "text-amber-800",
  down: "text-red-700",
  unknown: "text-slate-600",
};

const healthOf = (report: LabHealth | undefined, service: ServiceId): ServiceHealth | undefined => report?.services.find((s) => s.id === service);

function Arrow({ direction }: { direction: "right" | "down" }) {
  // Always points down on narrow screens (single column); right on wide ones for the main flow.
  return (
    <span aria-hidden="true" className="flex items-center justify-center text-3xl leading-none font-bold text-slate-500">
      {direction === "right" ? (
        <>
          <span className="hidden lg:inline">→</span>
          <span className="lg:hidden">↓</span>
        </>
      ) : (
        "↓"
      )}
    </span>
  );
}

function PipelineNode({
  index,
  nodeKey,
  health,
  className = "",
}: {
  index: number;
  nodeKey: NodeKey;
  health: ServiceHealth | undefined;
  className?: string;
}) {
  const t = useT();
  const state = serviceState(health);
  const m = health?.members;
  const status =
    state === "up"
      ? t("overview.status.up")
      : state === "down"
        ? t("overview.status.down")
        : state === "degraded" && m
          ? t("overview.status.degraded", { members: t("health.membersUp", { up: m.up, expected: m.expected, kind: t(`health.memberKinds.${m.kind}`) }) })
          : t("overview.status.checking");
  return (
    <li
      data-testid={`pipeline-${nodeKey}`}
      data-state={state}
      className={`flex flex-col rounded-xl border-2 p-4 transition-colors ${CARD_CLASS[state]} ${className}`}
    >
      <div className="flex items-baseline gap-2">
        <span className="text-sm font-bold text-slate-500 tabular-nums">{index}</span>
        <h3 className="text-lg leading-tight font-bold text-slate-900">{t(`overview.nodes.${nodeKey}.title`)}</h3>
      </div>
      <p className={`mt-1 flex items-center gap-2 text-sm font-semibold ${STATUS_TEXT_CLASS[state]}`}>
        <span aria-hidden="true" className={`size-2.5 shrink-0 rounded-full ${DOT_CLASS[state]}`} />
        {status}
      </p>
      <p className="mt-2 text-sm leading-snug text-slate-800">{t(`overview.nodes.${nodeKey}.description`)}</p>
    </li>
  );
}

/**
 * PostgreSQL OLTP → Debezium/Connect → Kafka → S3 sink → S3 lake, with the DW downstream of the lake.
 * Each node takes its colour from the same health query as the strip (one shared cache entry).
 */
export function PipelineDiagram() {
  const hydrated = useHydrated();
  const query = useLabHealthQuery();
  const data = hydrated ? query.data : undefined;
  return (
    <ol className="grid grid-cols-1 gap-2 lg:grid-cols-[minmax(0,1fr)_auto_minmax(0,1fr)_auto_minmax(0,1fr)_auto_minmax(0,1fr)_auto_minmax(0,1fr)] lg:gap-x-2 lg:gap-y-2">
      {MAIN_FLOW.map((node, i) => (
        <PipelineStep key={node.key} first={i === 0}>
          <PipelineNode index={i + 1} nodeKey={node.key} health={healthOf(data, node.service)} />
        </PipelineStep>
      ))}
      <DownstreamStep />
      <PipelineNode
        index={MAIN_FLOW.length + 1}
        nodeKey={DOWNSTREAM.key}
        health={healthOf(data, DOWNSTREAM.service)}
        className="lg:col-start-9"
      />
    </ol>
  );
}

function PipelineStep({ first, children }: { first: boolean; children: ReactNode }) {
  return (
    <>
      {first ? null : (
        <li aria-hidden="true" className="flex items-center justify-center">
          <Arrow direction="right" />
        </li>
      )}
      {children}
    </>
  );
}

function DownstreamStep() {
  const t = useT();
  return (
    <li className="flex flex-col items-center justify-center gap-1 py-1 lg:col-start-9">
      <Arrow direction="down" />
      <span className="text-sm font-medium text-slate-600">{t("overview.downstream")}</span>
    </li>
  );
}
