"use client";

import { useLocale, useT } from "@/components/i18n/I18nProvider";
import type { RunSnapshot } from "@/lib/generators/shared/types";
import { formatNumber, formatPercent, formatRate } from "@/components/ui/format";

/** A run's live (or final) counters: events, rates, fraud, errors and rows per table. */
export function RunProgress({ run }: { run: RunSnapshot }) {
  const t = useT();
  const locale = useLocale();
  const c = run.counts;
  const kind = run.generator;
  const live = run.status === "running" || run.status === "stopping";
  const askedRate = run.params.rate;
  const percent = run.target ? Math.min(100, (c.events / run.target) * 100) : null;
  const num = (n: number) => formatNumber(locale, n);
  const tables: Array<{ name: string; key: string; inserted: number; updated?: number; deleted?: number }> =
    kind === "cdc"
      ? [{ name: "pessoas", key: "pessoas", inserted: c.pessoas, updated: c.pessoasUpdated, deleted: c.pessoasDeleted }]
      : [
          ...(kind === "streaming" ? [{ name: "pessoas", key: "pessoas", inserted: c.pessoas }] : []),
          { name: "pedidos", key: "pedidos", inserted: c.pedidos },
          { name: "itens_pedidos", key: "itens_pedidos", inserted: c.itensPedidos },
          { name: "auditoria_pedidos", key: "auditoria_pedidos", inserted: c.auditoriaPedidos },
        ];

  return (
    <div className="space-y-3" data-testid={`progress-${kind}`}>
      <dl className="grid grid-cols-2 gap-x-4 gap-y-2 text-base">
        <div className="col-span-2">
          <dt className="text-sm font-semibold text-slate-700">{t("generators.progress.events")}</dt>
          <dd className="text-2xl font-bold tabular-nums text-slate-900" data-testid={`events-${kind}`} data-value={c.events}>
            {run.target ? t("generators.progress.eventsOf", { done: num(c.events), target: num(run.target) }) : num(c.events)}
          </dd>
          {percent !== null ? (
            <div className="mt-1 h-2 w-full rounded bg-slate-200" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(percent)}>
              <div className="h-2 rounded bg-emerald-600" style={{ width: `${percent}%` }} />
            </div>
          ) : null}
        </div>
        <div>
          <dt className="text-sm font-semibold text-slate-700">{t("generators.progress.currentRate")}</dt>
          <dd className="tabular-nums" data-testid={`current-rate-${kind}`}>
            {live ? t("generators.progress.perSecond", { rate: formatRate(locale, run.currentRate) }) : "—"}
          </dd>
          <dd className="text-sm text-slate-600">
            {askedRate === null ? t("generators.progress.fastest") : t("generators.progress.askedRate", { rate: formatRate(locale, askedRate) })}
          </dd>
        </div>
        <div>
          <dt className="text-sm font-semibold text-slate-700">{t("generators.progress.averageRate")}</dt>
          <dd className="tabular-nums" data-testid={`average-rate-${kind}`}>
            {t("generators.progress.perSecond", { rate: formatRate(locale, run.averageRate) })}
          </dd>
        </div>
        {kind !== "cdc" ? (
          <div>
            <dt className="text-sm font-semibold text-slate-700">{t("generators.progress.fraud")}</dt>
            <dd className="tabular-nums" data-testid={`fraud-${kind}`}>
              {t("generators.progress.fraudShare", { count: num(c.fraud), share: formatPercent(locale, c.pedidos ? c.fraud / c.pedidos : 0) })}
            </dd>
          </div>
        ) : null}
        <div>
          <dt className="text-sm font-semibold text-slate-700">{t("generators.progress.errors")}</dt>
          <dd className={`tabular-nums ${c.errors ? "font-semibold text-red-800" : ""}`} data-testid={`errors-${kind}`}>
            {num(c.errors)}
          </dd>
        </div>
      </dl>

      <table className="w-full text-left text-sm">
        <caption className="sr-only">{t("generators.progress.rowsPerTable")}</caption>
        <thead>
          <tr className="border-b border-slate-300 text-slate-700">
            <th scope="col" className="py-1 font-semibold">{t("generators.progress.table")}</th>
            <th scope="col" className="py-1 text-right font-semibold">{t("generators.progress.inserted")}</th>
            {kind === "cdc" ? (
              <>
                <th scope="col" className="py-1 text-right font-semibold">{t("generators.progress.updated")}</th>
                <th scope="col" className="py-1 text-right font-semibold">{t("generators.progress.deleted")}</th>
              </>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {tables.map((row) => (
            <tr key={row.key} className="border-b border-slate-100">
              <th scope="row" className="py-1 font-mono font-normal">{row.name}</th>
              <td className="py-1 text-right tabular-nums" data-testid={`rows-${kind}-${row.key}`}>{num(row.inserted)}</td>
              {kind === "cdc" ? (
                <>
                  <td className="py-1 text-right tabular-nums" data-testid={`rows-${kind}-${row.key}-updated`}>{num(row.updated ?? 0)}</td>
                  <td className="py-1 text-right tabular-nums" data-testid={`rows-${kind}-${row.key}-deleted`}>{num(row.deleted ?? 0)}</td>
                </>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>

      {run.error ? (
        <p role={run.status === "failed" ? "alert" : undefined} className="rounded bg-red-50 p-2 text-sm break-words text-red-900" data-testid={`error-${kind}`}>
          {t("generators.progress.lastError", { message: run.error })}
        </p>
      ) : null}
      <p className="text-xs text-slate-600">
        {t("generators.progress.seed", { seed: String(run.params.seed ?? "—") })}
        {run.startedBy ? ` · ${t("generators.progress.startedBy", { user: run.startedBy })}` : null}
      </p>
    </div>
  );
}
