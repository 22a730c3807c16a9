"use client";

import { useState } from "react";
import { useLocale, useT } from "@/components/i18n/I18nProvider";
import { cellText, formatBytes } from "@/components/ui/format";
import { Button } from "@/components/ui/Button";
import type { QueryResult } from "@/lib/sql/shared/types";

const PAGE = 100;

/** The result in pages of 100 rows: column names with their types, row count, bytes, time. */
export function ResultGrid({ result }: { result: QueryResult }) {
  const t = useT();
  const locale = useLocale();
  const [page, setPage] = useState(0);
  const pages = Math.max(1, Math.ceil(result.rowCount / PAGE));
  const current = Math.min(page, pages - 1);
  const rows = result.rows.slice(current * PAGE, (current + 1) * PAGE);
  return (
    <div className="space-y-2" data-testid="sql-result">
      <p className="text-sm text-slate-700" data-testid="sql-result-summary">
        {result.engine === "duckdb"
          ? t("sql.result.summary", { rows: result.rowCount.toLocaleString(locale), ms: result.elapsedMs.toLocaleString(locale), fetched: formatBytes(locale, result.bytesFetched), scanned: formatBytes(locale, result.bytesScanned) })
          : t("sql.result.summaryPg", { rows: result.rowCount.toLocaleString(locale), ms: result.elapsedMs.toLocaleString(locale) })}
      </p>
      {result.rowCount === 0 ? (
        <p className="text-slate-700">{t("sql.result.empty")}</p>
      ) : (
        <div className="overflow-x-auto rounded border border-slate-300">
          <table className="min-w-full text-left font-mono text-xs">
            <thead className="bg-slate-100">
              <tr>
                {result.columns.map((c, i) => (
                  <th key={i} scope="col" className="whitespace-nowrap px-2 py-1 align-bottom">
                    <span className="block font-semibold text-slate-900">{c.name}</span>
                    <span className="block font-normal text-slate-600">{c.type}</span>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {rows.map((r, i) => (
                <tr key={current * PAGE + i} className="border-t border-slate-200">
                  {r.map((v, j) => (
                    <td key={j} className={`max-w-md truncate whitespace-nowrap px-2 py-1 ${v === null ? "text-slate-400" : "text-slate-900"}`} title={cellText(v, "NULL")}>
                      {cellText(v, "NULL")}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {pages > 1 ? (
        <div className="flex items-center gap-2 text-sm">
          <Button variant="ghost" onClick={() => setPage(current - 1)} disabled={current === 0}>
            {t("sql.result.previous")}
          </Button>
          <span>{t("sql.result.page", { page: current + 1, pages })}</span>
          <Button variant="ghost" onClick={() => setPage(current + 1)} disabled={current >= pages - 1}>
            {t("sql.result.next")}
          </Button>
        </div>
      ) : null}
    </div>
  );
}
