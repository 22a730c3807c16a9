"use client";

import { useT } from "@/components/i18n/I18nProvider";
import { UpDownState } from "@/components/health/UpDownState";
import { DataTable } from "@/components/ui/DataTable";
import type { BrokerInfo } from "@/lib/kafka/shared/topic-types";

/** The brokers of a cluster of several: which answer, which leads how many partitions. Hidden for one broker. */
export function BrokersPanel({ brokers }: { brokers: BrokerInfo[] }) {
  const t = useT();
  const up = brokers.filter((b) => b.up).length;
  return (
    <section aria-labelledby="brokers-title" className="space-y-3" data-testid="brokers-panel" data-up={up} data-expected={brokers.length}>
      <div className="flex flex-wrap items-baseline gap-4">
        <h2 id="brokers-title" className="text-2xl font-bold text-slate-900">
          {t("topics.brokers.heading")}
        </h2>
        <span className={`text-sm font-semibold ${up < brokers.length ? "text-amber-800" : "text-emerald-800"}`}>
          {t("topics.brokers.summary", { up, expected: brokers.length })}
        </span>
      </div>
      <DataTable
        testId="brokers-table"
        columns={(["id", "endpoint", "state", "role", "leaders", "replicas"] as const).map((c) => ({ key: c, label: t(`topics.brokers.columns.${c}`), numeric: c === "leaders" || c === "replicas" }))}
      >
        {brokers.map((b) => (
          <tr key={`${b.id}-${b.endpoint}`} className="border-t border-slate-200 tabular-nums" data-testid="broker-row" data-broker={b.id ?? ""} data-up={b.up}>
            <td className="px-3 py-2 font-semibold">{b.id ?? <span className="font-normal text-slate-600">{t("topics.brokers.unknownId")}</span>}</td>
            <td className="px-3 py-2 font-mono text-xs">{b.endpoint ?? t("topics.brokers.unknownEndpoint")}</td>
            <td className="px-3 py-2">
              <UpDownState up={b.up} label={b.up ? t("topics.brokers.up") : t("topics.brokers.down")} />
            </td>
            <td className="px-3 py-2">{b.controller ? t("topics.brokers.controller") : "—"}</td>
            <td className="px-3 py-2 text-right">{b.leaderCount}</td>
            <td className="px-3 py-2 text-right">{b.replicaCount}</td>
          </tr>
        ))}
      </DataTable>
    </section>
  );
}

/** Under-replicated and offline partitions of a topic, as badges; nothing when every partition is whole. */
export function ReplicationBadges({ underReplicated, offline }: { underReplicated: number; offline: number }) {
  const t = useT();
  return (
    <>
      {offline > 0 ? (
        <span className="ml-2 rounded bg-red-100 px-1.5 text-xs font-semibold text-red-800" title={t("topics.list.offlineHint")} data-testid="offline-badge">
          {t("topics.list.offline", { count: offline })}
        </span>
      ) : null}
      {underReplicated > 0 ? (
        <span className="ml-2 rounded bg-amber-100 px-1.5 text-xs font-semibold text-amber-900" title={t("topics.list.underReplicatedHint")} data-testid="under-replicated-badge">
          {t("topics.list.underReplicated", { count: underReplicated })}
        </span>
      ) : null}
    </>
  );
}
