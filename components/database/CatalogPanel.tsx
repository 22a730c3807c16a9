"use client";

import Link from "next/link";
import { useMemo, useState } from "react";
import { useLocale, useT } from "@/components/i18n/I18nProvider";
import { DataTable } from "@/components/ui/DataTable";
import { LoadError, LoadingRows } from "@/components/ui/QueryStates";
import { useCatalogQuery } from "@/data/database/use-catalog";
import { formatBytes, formatCount } from "./format";
import { TablePanel } from "./TablePanel";

/** Schemas and tables of one database; a click opens the table (columns, indexes, rows). */
export function CatalogPanel({ db, open, tableHref, onClose }: { db: string; open: { schema: string; table: string } | null; tableHref: (schema: string, table: string) => string; onClose: () => void }) {
  const t = useT();
  const locale = useLocale();
  const q = useCatalogQuery(db);
  const [filter, setFilter] = useState("");
  const tables = useMemo(() => {
    const f = filter.trim().toLowerCase();
    const all = q.data?.tables ?? [];
    return f ? all.filter((x) => `${x.schema}.${x.name}`.toLowerCase().includes(f)) : all;
  }, [q.data, filter]);
  // 1,000 tables render fine; beyond that the filter narrows them.
  const shown = tables.slice(0, 1000);

  if (q.isPending) return <LoadingRows label={t("database.common.loading")} rows={6} />;
  if (q.isError) return <LoadError title={t("database.common.errorTitle", { message: "" })} query={q} />;

  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-700">
        {t("database.catalog.schemas")}: {q.data.schemas.map((s) => `${s.name} (${s.tables})`).join(" · ") || t("database.common.none")}
        {q.isFetching ? <span className="ml-2 text-slate-500">{t("database.common.refreshing")}</span> : null}
      </p>
      {q.data.tables.length === 0 ? (
        <p className="text-slate-700">{t("database.catalog.empty")}</p>
      ) : (
        <>
          <label className="flex max-w-md flex-col gap-1 text-sm font-semibold text-slate-800">
            {t("database.catalog.filter")}
            <input value={filter} onChange={(e) => setFilter(e.target.value)} className="rounded border border-slate-400 px-2 py-1 font-normal" placeholder="public.pessoas" />
          </label>
          <p className="text-xs text-slate-600">{t("database.catalog.shown", { shown: shown.length, total: q.data.tables.length })}</p>
          {shown.length === 0 ? (
            <p className="text-slate-700">{t("database.catalog.noMatch")}</p>
          ) : (
            <DataTable
              testId="database-tables"
              columns={[
                { key: "table", label: t("database.catalog.table") },
                { key: "rows", label: t("database.catalog.rows"), numeric: true },
                { key: "size", label: t("database.catalog.size"), numeric: true },
                { key: "pk", label: t("database.catalog.primaryKey") },
                { key: "ri", label: t("database.catalog.replicaIdentity") },
                { key: "pubs", label: t("database.catalog.publications") },
              ]}
            >
              {shown.map((x) => (
                <tr key={`${x.schema}\u0000${x.name}`} className="border-t border-slate-200" data-table={`${x.schema}.${x.name}`}>
                  <td className="px-3 py-1.5">
                    <Link href={tableHref(x.schema, x.name)} replace scroll={false} className="font-semibold text-sky-800 underline-offset-2 hover:underline">
                      <span className="text-slate-500">{x.schema}.</span>
                      {x.name}
                    </Link>
                  </td>
                  <td className="px-3 py-1.5 text-right tabular-nums">{x.estimatedRows === null ? t("database.catalog.neverAnalyzed") : formatCount(x.estimatedRows, locale)}</td>
                  <td className="px-3 py-1.5 text-right tabular-nums">{formatBytes(x.sizeBytes, locale)}</td>
                  <td className="px-3 py-1.5">{x.primaryKey.length ? x.primaryKey.join(", ") : <span className="font-semibold text-amber-800">{t("database.catalog.noPrimaryKey")}</span>}</td>
                  <td className="px-3 py-1.5 uppercase">{x.replicaIdentity}</td>
                  <td className="px-3 py-1.5">{x.publications.join(", ") || "—"}</td>
                </tr>
              ))}
            </DataTable>
          )}
        </>
      )}
      {open ? <TablePanel key={`${open.schema}\u0000${open.table}`} db={db} schema={open.schema} table={open.table} onClose={onClose} /> : null}
    </div>
  );
}
