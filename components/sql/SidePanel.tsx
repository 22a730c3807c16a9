"use client";

import { useState } from "react";
import { useErrorText, useLocale, useT } from "@/components/i18n/I18nProvider";
import { formatBytes } from "@/components/ui/format";
import { Button } from "@/components/ui/Button";
import { ErrorNote, LoadingRows } from "@/components/ui/QueryStates";
import { useBucketsQuery } from "@/data/lake/use-buckets";
import { useObjectsPageQuery } from "@/data/lake/use-objects-page";
import { useDescribePrefixQuery } from "@/data/sql/use-describe-prefix";
import type { TableBinding } from "@/lib/sql/shared/types";

/** Buckets and their folders; a folder becomes a table (name suggested, columns inferred, Debezium flattened). */
export function SidePanel({ onAdd }: { onAdd: (t: TableBinding) => void }) {
  const t = useT();
  const buckets = useBucketsQuery();
  const [bucket, setBucket] = useState<string | null>(null);
  const [prefix, setPrefix] = useState("");
  return (
    <aside className="space-y-2 rounded border border-slate-300 p-3" aria-labelledby="sql-panel-heading">
      <h2 id="sql-panel-heading" className="font-semibold text-slate-900">
        {t("sql.panel.heading")}
      </h2>
      {buckets.isPending ? (
        <LoadingRows label={t("sql.panel.loading")} rows={3} rowClassName="h-6" />
      ) : buckets.isError ? (
        <ErrorNote error={buckets.error} text={(message) => t("sql.panel.errorTitle", { message })} className="text-sm text-red-900" />
      ) : bucket === null ? (
        <ul className="space-y-1 text-sm">
          {buckets.data.map((b) => (
            <li key={b.name}>
              <button type="button" className="text-sky-800 underline" onClick={() => (setBucket(b.name), setPrefix(""))}>
                {b.name}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <Folder bucket={bucket} prefix={prefix} onOpen={setPrefix} onUp={() => (prefix ? setPrefix(prefix.replace(/[^/]+\/$/, "")) : setBucket(null))} onAdd={onAdd} />
      )}
    </aside>
  );
}

function Folder({ bucket, prefix, onOpen, onUp, onAdd }: { bucket: string; prefix: string; onOpen: (p: string) => void; onUp: () => void; onAdd: (t: TableBinding) => void }) {
  const t = useT();
  const page = useObjectsPageQuery(bucket, { prefix, filter: "", maxKeys: 200, token: null });
  const [describing, setDescribing] = useState<string | null>(null);
  return (
    <div className="space-y-2 text-sm">
      <Button variant="ghost" onClick={onUp}>
        ← {t("sql.panel.up")}
      </Button>
      <p className="break-all font-mono text-xs text-slate-700">{prefix ? `${bucket}/${prefix}` : t("sql.panel.root", { bucket })}</p>
      {page.isPending ? (
        <LoadingRows label={t("sql.panel.loading")} rows={2} rowClassName="h-6" />
      ) : page.isError ? (
        <ErrorNote error={page.error} text={(message) => t("sql.panel.errorTitle", { message })} className="text-red-900" />
      ) : (
        <ul className="space-y-1">
          {page.data.folders.length === 0 && page.data.objects.length === 0 ? <li className="text-slate-600">{t("sql.panel.empty")}</li> : null}
          {page.data.folders.map((f) => (
            <li key={f.prefix} className="space-y-1">
              <div className="flex flex-wrap items-center gap-2">
                <button type="button" className="break-all text-sky-800 underline" onClick={() => onOpen(f.prefix)}>
                  {f.name}/
                </button>
                <Button variant="ghost" className="px-1 py-0 text-xs" onClick={() => setDescribing(describing === f.prefix ? null : f.prefix)} data-testid={`sql-use-${f.name}`}>
                  {t("sql.panel.useAsTable")}
                </Button>
              </div>
              {describing === f.prefix ? <Describe bucket={bucket} prefix={f.prefix} onAdd={(b) => (onAdd(b), setDescribing(null))} /> : null}
            </li>
          ))}
          {page.data.objects.slice(0, 20).map((o) => (
            <li key={o.key} className="break-all font-mono text-xs text-slate-600">
              {o.name}
            </li>
          ))}
        </ul>
      )}
      {prefix ? (
        <div>
          <Button variant="ghost" className="px-1 py-0 text-xs" onClick={() => setDescribing(describing === prefix ? null : prefix)}>
            {t("sql.panel.useAsTable")}
          </Button>
          {describing === prefix ? <Describe bucket={bucket} prefix={prefix} onAdd={(b) => (onAdd(b), setDescribing(null))} /> : null}
        </div>
      ) : null}
    </div>
  );
}

function Describe({ bucket, prefix, onAdd }: { bucket: string; prefix: string; onAdd: (t: TableBinding) => void }) {
  const t = useT();
  const locale = useLocale();
  const errorText = useErrorText();
  const info = useDescribePrefixQuery({ bucket, prefix });
  const [name, setName] = useState<string | null>(null);
  const [flatten, setFlatten] = useState<boolean | null>(null);
  if (info.isPending) return <LoadingRows label={t("sql.panel.describing")} rows={2} rowClassName="h-5" />;
  if (info.isError)
    return (
      <p role="alert" className="text-red-900">
        {t("sql.panel.describeError", { message: errorText(info.error) })}
      </p>
    );
  const d = info.data;
  if (d.objects === 0) return <p className="text-slate-600">{t("sql.panel.noObjects")}</p>;
  const tableName = name ?? d.suggestedName;
  const flat = flatten ?? d.debezium;
  const cols = flat && d.debezium ? d.flattenedColumns : d.columns;
  return (
    <div className="space-y-2 rounded bg-slate-50 p-2" data-testid="sql-describe">
      <p className="text-xs text-slate-700">
        {t("sql.panel.objects", { objects: d.objects.toLocaleString(locale), size: formatBytes(locale, d.bytes) })} · {d.formats.join(", ")}
      </p>
      <label className="block text-xs">
        {t("sql.panel.tableName")}
        <input className="mt-1 block w-full rounded border border-slate-400 px-1 font-mono" value={tableName} onChange={(e) => setName(e.target.value)} />
      </label>
      {d.debezium ? (
        <label className="flex items-start gap-1 text-xs">
          <input type="checkbox" checked={flat} onChange={(e) => setFlatten(e.target.checked)} />
          <span>{t("sql.panel.flatten")}</span>
        </label>
      ) : null}
      <details>
        <summary className="cursor-pointer text-xs">{t("sql.panel.columns")}</summary>
        <ul className="max-h-40 overflow-y-auto font-mono text-xs">
          {cols.map((c) => (
            <li key={c.name} className="break-all">
              {c.name} <span className="text-slate-500">{c.type.length > 60 ? `${c.type.slice(0, 60)}…` : c.type}</span>
            </li>
          ))}
        </ul>
      </details>
      <Button className="text-xs" onClick={() => onAdd({ kind: "lake", name: tableName, bucket, prefix, ...(d.debezium && flat ? { debezium: true } : {}) })}>
        {t("sql.panel.add")}
      </Button>
    </div>
  );
}
