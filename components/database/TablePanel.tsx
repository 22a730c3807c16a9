"use client";

import { useState } from "react";
import { useErrorText, useLocale, useT } from "@/components/i18n/I18nProvider";
import { Button } from "@/components/ui/Button";
import { DataTable } from "@/components/ui/DataTable";
import { LoadError, LoadingRows } from "@/components/ui/QueryStates";
import { useExactCountQuery, useTableQuery, useTableRowsQuery } from "@/data/database/use-table";
import { formatBytes, formatCount } from "./format";

const PAGE = 50;

/** One table: columns, indexes, an exact count on demand and its rows, 50 at a time (read-only). */
export function TablePanel({ db, schema, table, onClose }: { db: string; schema: string; table: string; onClose: () => void }) {
  const t = useT();
  const locale = useLocale();
  const errorText = useErrorText();
  const detail = useTableQuery(db, schema, table);
  const [offset, setOffset] = useState(0);
  const rows = useTableRowsQuery(db, schema, table, offset);
  const [count, setCount] = useState(false);
  const exact = useExactCountQuery(db, schema, table, count);

  return (
    <section aria-label={`${schema}.${table}`} data-testid="database-table-panel" className="space-y-4 rounded-lg border border-slate-300 bg-slate-50 p-4">
      <div className="flex items-start justify-between gap-4">
        <h2 className="break-all text-xl font-bold text-slate-900">
          <span className="text-slate-500">{schema}.</span>
          {table}
        </h2>
        <Button variant="ghost" onClick={onClose}>
          {t("database.table.close")}
        </Button>
      </div>
      {detail.isPending ? <LoadingRows label={t("database.common.loading")} /> : null}
      {detail.isError ? <LoadError title={t("database.common.errorTitle", { message: "" })} query={detail} /> : null}
      {detail.data ? (
        <>
          <p className="text-sm text-slate-800">
            {detail.data.estimatedRows === null ? t("database.catalog.neverAnalyzed") : `${formatCount(detail.data.estimatedRows, locale)} ${t("database.catalog.rows").toLowerCase()}`} · {formatBytes(detail.data.sizeBytes, locale)} · REPLICA IDENTITY{" "}
            {detail.data.replicaIdentity.toUpperCase()} · {t("database.catalog.publications")}: {detail.data.publications.join(", ") || t("database.common.none")}
            <span className="ml-3">
              {exact.data !== undefined ? (
                <strong data-testid="database-exact-count">{t("database.catalog.exactRows", { rows: formatCount(exact.data, locale) })}</strong>
              ) : exact.isError ? (
                <span role="alert" className="text-red-900">{errorText(exact.error)}</span>
              ) : (
                <Button variant="ghost" onClick={() => setCount(true)} disabled={exact.isFetching}>
                  {exact.isFetching ? t("database.common.working") : t("database.catalog.countExact")}
                </Button>
              )}
            </span>
          </p>
          <h3 className="font-semibold text-slate-900">{t("database.table.columns")}</h3>
          <DataTable
            columns={[
              { key: "name", label: t("database.table.column") },
              { key: "type", label: t("database.table.type") },
              { key: "null", label: t("database.table.nullable") },
              { key: "default", label: t("database.table.default") },
              { key: "pk", label: t("database.catalog.primaryKey") },
            ]}
          >
            {detail.data.columns.map((c) => (
              <tr key={c.position} className="border-t border-slate-200">
                <td className="px-3 py-1.5 font-mono">{c.name}</td>
                <td className="px-3 py-1.5 font-mono">{c.type}</td>
                <td className="px-3 py-1.5">{c.nullable ? t("database.common.yes") : t("database.common.no")}</td>
                <td className="px-3 py-1.5 font-mono">{c.default ?? "—"}</td>
                <td className="px-3 py-1.5">{c.primaryKeyPosition ?? ""}</td>
              </tr>
            ))}
          </DataTable>
          <h3 className="font-semibold text-slate-900">{t("database.table.indexes")}</h3>
          {detail.data.indexes.length ? (
            <ul className="space-y-1 text-sm">
              {detail.data.indexes.map((i) => (
                <li key={i.name} className="font-mono text-slate-800">
                  {i.definition} <span className="text-slate-500">({formatBytes(i.sizeBytes, locale)})</span>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-slate-700">{t("database.common.none")}</p>
          )}
        </>
      ) : null}
      <h3 className="font-semibold text-slate-900">{t("database.table.preview")}</h3>
      {rows.isPending ? <LoadingRows label={t("database.common.loading")} /> : null}
      {rows.isError ? <LoadError title={t("database.common.errorTitle", { message: "" })} query={rows} /> : null}
      {rows.data ? (
        rows.data.rows.length === 0 && offset === 0 ? (
          <p className="text-sm text-slate-700">{t("database.table.previewEmpty")}</p>
        ) : (
          <>
            <p className="text-xs text-slate-600">
              {t("database.table.page", { from: offset + 1, to: offset + rows.data.rows.length })} · {t("database.table.orderedBy", { columns: rows.data.orderedBy.join(", ") })}
              {rows.data.truncatedCells ? ` · ${t("database.table.truncated", { count: rows.data.truncatedCells })}` : ""}
            </p>
            <DataTable testId="database-rows" columns={rows.data.columns.map((c, i) => ({ key: `${i}`, label: <span className="font-mono" title={c.type}>{c.name}</span> }))}>
              {rows.data.rows.map((r, i) => (
                <tr key={offset + i} className="border-t border-slate-200">
                  {r.map((v, j) => (
                    <td key={j} className="max-w-xs truncate px-3 py-1 font-mono text-xs" title={v ?? "NULL"}>
                      {v === null ? <span className="text-slate-400">NULL</span> : v}
                    </td>
                  ))}
                </tr>
              ))}
            </DataTable>
            <div className="flex gap-2">
              <Button variant="ghost" disabled={offset === 0 || rows.isFetching} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
                {t("database.table.previous")}
              </Button>
              <Button variant="ghost" disabled={!rows.data.hasMore || rows.isFetching} onClick={() => setOffset(offset + PAGE)}>
                {t("database.table.next")}
              </Button>
            </div>
          </>
        )
      ) : null}
    </section>
  );
}
