"use client";

import { useT } from "@/components/i18n/I18nProvider";
import { UpDownState } from "@/components/health/UpDownState";
import { DataTable } from "@/components/ui/DataTable";
import type { WorkerView } from "@/lib/connect/shared/types";

/** The workers of a Connect cluster of several: which answer, and which connectors and tasks each runs. */
export function WorkersPanel({ workers }: { workers: WorkerView[] }) {
  const t = useT();
  const up = workers.filter((w) => w.up).length;
  return (
    <div className="mb-4 space-y-2" data-testid="workers-panel" data-up={up} data-expected={workers.length}>
      <div className="flex flex-wrap items-baseline gap-3">
        <h3 className="text-base font-semibold text-slate-900">{t("connectors.workers.heading")}</h3>
        <span className={`text-sm font-semibold ${up < workers.length ? "text-amber-800" : "text-emerald-800"}`}>
          {t("connectors.workers.summary", { up, expected: workers.length })}
        </span>
      </div>
      <DataTable columns={(["worker", "state", "runs", "tasks"] as const).map((c) => ({ key: c, label: t(`connectors.workers.columns.${c}`) }))}>
        {workers.map((w) => (
          <tr key={w.id} className="border-t border-slate-200 align-top" data-testid="worker-row" data-worker={w.id} data-up={w.up}>
            <td className="px-3 py-2 font-mono text-xs">
              {w.id}
              {w.url ? null : <span className="ml-2 font-sans text-slate-600">({t("connectors.workers.notConfigured")})</span>}
            </td>
            <td className="px-3 py-2">
              <UpDownState up={w.up} label={w.up ? t("connectors.workers.up") : t("connectors.workers.down")} />
            </td>
            <td className="px-3 py-2 text-xs tabular-nums">{t("connectors.workers.runs", { connectors: w.connectors, tasks: w.tasks.length })}</td>
            <td className="px-3 py-2 font-mono text-xs break-all">{w.tasks.join(", ") || "—"}</td>
          </tr>
        ))}
      </DataTable>
    </div>
  );
}
