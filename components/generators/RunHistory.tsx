"use client";

import { useLocale, useT } from "@/components/i18n/I18nProvider";
import { Button } from "@/components/ui/Button";
import { errorMessage } from "@/data/http-error";
import { useGeneratorRunsQuery } from "@/data/generators/use-generator-runs";
import { formatCount, formatRate, formatTime } from "./format";
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
        <p role="status" className="text-base text-slate-700">{t("generators.history.loading")}</p>
      ) : query.isError && !query.data ? (
        <div role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-red-900">
          <p>{errorMessage(query.error) ?? t("common.unknownError")}</p>
          <Button className="mt-2" onClick={() => void query.refetch()}>{t("generators.history.retry")}</Button>
        </div>
      ) : query.data.length === 0 ? (
        <p className="text-base text-slate-700">{t("generators.history.empty")}</p>
      ) : (
        <div className="overflow-x-auto rounded-lg border border-slate-300 bg-white">
          <table className="w-full text-left text-sm" data-testid="generator-history">
            <thead className="bg-slate-100 text-slate-800">
              <tr>
                {(["id", "generator", "status", "startedAt", "endedAt", "events", "rate", "fraud", "startedBy"] as const).map((c) => (
                  <th key={c} scope="col" className={`px-3 py-2 font-semibold ${["events", "rate", "fraud"].includes(c) ? "text-right" : ""}`}>
                    {t(`generators.history.columns.${c}`)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {query.data.map((run) => (
                <tr key={run.id} className="border-t border-slate-200">
                  <td className="px-3 py-1.5 tabular-nums">{run.id}</td>
                  <td className="px-3 py-1.5">{t(`generators.kinds.${run.generator}.title`)}</td>
                  <td className="px-3 py-1.5">
                    <StatusBadge status={run.status} />
                    {run.error && run.status === "failed" ? <p className="mt-1 max-w-md text-xs break-words text-red-800">{run.error}</p> : null}
                  </td>
                  <td className="px-3 py-1.5 whitespace-nowrap">{formatTime(locale, run.startedAt)}</td>
                  <td className="px-3 py-1.5 whitespace-nowrap">{formatTime(locale, run.endedAt)}</td>
                  <td className="px-3 py-1.5 text-right tabular-nums">{formatCount(locale, run.counts.events)}</td>
                  <td className="px-3 py-1.5 text-right tabular-nums">{t("generators.progress.perSecond", { rate: formatRate(locale, run.averageRate) })}</td>
                  <td className="px-3 py-1.5 text-right tabular-nums">{run.generator === "cdc" ? "—" : formatCount(locale, run.counts.fraud)}</td>
                  <td className="px-3 py-1.5">{run.startedBy ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
