"use client";

import { useLocale, useT } from "@/components/i18n/I18nProvider";
import { DataTable } from "@/components/ui/DataTable";
import { LoadError, LoadingRows } from "@/components/ui/QueryStates";
import { useGeneratorRunsQuery } from "@/data/generators/use-generator-runs";
import { formatDateTime, formatNumber, formatRate } from "@/components/ui/format";
import { StatusBadge } from "./StatusBadge";

/** The latest stored runs: loading → error (with retry) → empty → table; a refetch never blanks it. */
export function RunHistory() {
  const t = useT();
  const locale = useLocale();
  const query = useGeneratorRunsQuery(20);

  return (
    <section aria-labelledby="generator-history-title" className="space-y-3">
      <div className="flex items-center gap-3">
        <h2 id="generator-history-title" className="text-2xl font-bold text-slate-900">
          {t("generators.history.title")}
        </h2>
        {query.isFetching && !query.isPending ? <span className="text-sm text-slate-600">{t("generators.history.refreshing")}</span> : null}
      </div>
      {query.isPending ? (
        <LoadingRows label={t("generators.history.loading")} rows={3} rowClassName="h-8" />
      ) : query.isError && !query.data ? (
        <LoadError title={t("generators.history.errorTitle")} query={query} />
      ) : query.data.length === 0 ? (
        <p className="text-base text-slate-700">{t("generators.history.empty")}</p>
      ) : (
        <DataTable
          testId="generator-history"
          columns={(["id", "generator", "status", "startedAt", "endedAt", "events", "rate", "fraud", "startedBy"] as const).map((c) => ({
            key: c,
            label: t(`generators.history.columns.${c}`),
            numeric: c === "events" || c === "rate" || c === "fraud",
          }))}
        >
          {query.data.map((run) => (
            <tr key={run.id} className="border-t border-slate-200">
              <td className="px-3 py-1.5 tabular-nums">{run.id}</td>
              <td className="px-3 py-1.5">{t(`generators.kinds.${run.generator}.title`)}</td>
              <td className="px-3 py-1.5">
                <StatusBadge status={run.status} />
                {run.error && run.status === "failed" ? <p className="mt-1 max-w-md text-xs break-words text-red-800">{run.error}</p> : null}
              </td>
              <td className="px-3 py-1.5 whitespace-nowrap">{formatDateTime(locale, run.startedAt)}</td>
              <td className="px-3 py-1.5 whitespace-nowrap">{formatDateTime(locale, run.endedAt)}</td>
              <td className="px-3 py-1.5 text-right tabular-nums">{formatNumber(locale, run.counts.events)}</td>
              <td className="px-3 py-1.5 text-right tabular-nums">{t("generators.progress.perSecond", { rate: formatRate(locale, run.averageRate) })}</td>
              <td className="px-3 py-1.5 text-right tabular-nums">{run.generator === "cdc" ? "—" : formatNumber(locale, run.counts.fraud)}</td>
              <td className="px-3 py-1.5">{run.startedBy ?? "—"}</td>
            </tr>
          ))}
        </DataTable>
      )}
    </section>
  );
}
