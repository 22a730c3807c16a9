"use client";

import Link from "next/link";
import { useState } from "react";
import { useCanOperate } from "@/components/auth/PrincipalProvider";
import { useErrorText, useLocale, useT } from "@/components/i18n/I18nProvider";
import { ConfirmDialog } from "@/components/lake/ConfirmDialog";
import { formatBytes } from "@/components/ui/format";
import { Button } from "@/components/ui/Button";
import { ErrorNote } from "@/components/ui/QueryStates";
import { Section } from "@/components/ui/Section";
import { ApiError } from "@/data/fetcher";
import { exportParquet } from "@/data/sql/export-parquet";
import { useRunQueryMutation, type RunVars } from "@/data/sql/use-run-query";
import { useSaveParquetMutation } from "@/data/sql/use-save-parquet";
import { useSqlCatalogQuery } from "@/data/sql/use-sql-catalog";
import type { ExampleLocale } from "@/lib/sql/shared/examples";
import type { SavedQuery } from "@/lib/sql/shared/saved-types";
import type { SqlTarget, TableBinding } from "@/lib/sql/shared/types";
import { CardField, SqlCard } from "./Card";
import { download, toCsv, toJsonLines } from "./export";
import { ResultGrid } from "./ResultGrid";
import { SavedQueries } from "./SavedQueries";
import { SidePanel } from "./SidePanel";

const TARGETS: SqlTarget[] = ["lake", "oltp", "dw"];

export function SqlWorkbench() {
  const t = useT();
  const canWrite = useCanOperate();
  const locale = useLocale();
  const errorText = useErrorText();
  const catalog = useSqlCatalogQuery();
  const run = useRunQueryMutation();
  const [sql, setSql] = useState("SELECT 42 AS answer");
  const [target, setTarget] = useState<SqlTarget>("lake");
  const [tables, setTables] = useState<TableBinding[]>([]);
  const [title, setTitle] = useState("");
  const [savedId, setSavedId] = useState<string | undefined>(undefined);
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<unknown>(null);

  const vars: RunVars = { sql, database: target, tables: target === "lake" ? tables : [] };
  const start = () => {
    if (!run.isPending && sql.trim()) run.mutate(vars);
  };
  const addTable = (b: TableBinding) => setTables((ts) => [...ts.filter((x) => x.name !== b.name), b]);
  const loadExample = (id: string) => {
    const e = catalog.data?.examples.find((x) => x.id === id);
    if (!e) return;
    const l = (locale === "en" ? "en" : "pt-BR") as ExampleLocale;
    setSql(e.sql[l]);
    setTarget(e.target);
    setTitle(e.title[l]);
    setSavedId(undefined);
    // a table the user already pointed at another prefix (same name) keeps that prefix
    setTables((ts) =>
      e.tables.map((y) => {
        const x = ts.find((b) => b.name === y.name && b.kind === y.kind);
        return x && x.kind === "lake" && y.kind === "lake" ? { ...y, bucket: x.bucket, prefix: x.prefix } : y;
      }),
    );
  };
  const loadSaved = (q: SavedQuery) => {
    setSql(q.sql);
    setTarget(q.target);
    setTables(q.tables);
    setTitle(q.title);
    setSavedId(q.id);
  };
  const exportAs = async (format: "csv" | "jsonl" | "parquet") => {
    setExportError(null);
    if (format !== "parquet") {
      if (!run.data) return;
      const text = format === "csv" ? toCsv(run.data.columns, run.data.rows) : toJsonLines(run.data.columns, run.data.rows);
      download(new Blob([text], { type: format === "csv" ? "text/csv" : "application/x-ndjson" }), `result.${format}`);
      return;
    }
    setExporting(true);
    try {
      download(await exportParquet(vars), "result.parquet");
    } catch (e) {
      setExportError(e);
    } finally {
      setExporting(false);
    }
  };

  const error = run.error;
  const cancelled = error instanceof Error && error.name === "AbortError";
  const position = error instanceof ApiError && typeof error.params.line === "number" ? { line: error.params.line, column: error.params.column } : null;

  return (
    <div className="grid gap-4 lg:grid-cols-[18rem_1fr]">
      <SidePanel onAdd={(b) => (addTable(b), setTarget("lake"))} />
      <div className="min-w-0 space-y-4">
        <div className="flex flex-wrap items-end gap-3">
          <label className="text-sm">
            {t("sql.target.label")}
            <select className="mt-1 block rounded border border-slate-400 px-2 py-1" value={target} onChange={(e) => setTarget(e.target.value as SqlTarget)} data-testid="sql-target">
              {TARGETS.map((x) => (
                <option key={x} value={x}>
                  {t(`sql.target.${x}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="text-sm">
            {t("sql.examples.label")}
            <select className="mt-1 block max-w-xs rounded border border-slate-400 px-2 py-1" value="" onChange={(e) => loadExample(e.target.value)} data-testid="sql-examples">
              <option value="">{t("sql.examples.choose")}</option>
              {(catalog.data?.examples ?? []).map((e) => (
                <option key={e.id} value={e.id}>
                  {e.title[locale === "en" ? "en" : "pt-BR"]}
                </option>
              ))}
            </select>
          </label>
        </div>

        {target === "lake" ? (
          <Section heading={t("sql.tables.heading")} headingClassName="text-sm font-semibold text-slate-900" className="space-y-1">
            {tables.length === 0 ? <p className="text-sm text-slate-600">{t("sql.tables.empty")}</p> : null}
            <ul className="flex flex-wrap gap-2" data-testid="sql-tables">
              {tables.map((b) => (
                <li key={b.name} className="flex items-center gap-1 rounded bg-slate-100 px-2 py-1 font-mono text-xs">
                  <strong>{b.name}</strong>
                  {b.kind === "pg" ? (
                    <input
                      aria-label={t("sql.tables.pgTable", { name: b.name })}
                      data-testid={`sql-pg-${b.name}`}
                      className="w-48 rounded border border-slate-400 px-1"
                      defaultValue={`${b.schema}.${b.table}`}
                      onBlur={(e) => {
                        const [schema, table] = e.target.value.trim().split(".");
                        if (schema && table) setTables((ts) => ts.map((x) => (x.name === b.name && x.kind === "pg" ? { ...x, schema, table } : x)));
                      }}
                    />
                  ) : null}
                  <span className="text-slate-600">
                    {b.kind === "lake" ? t("sql.tables.lake", { bucket: b.bucket, prefix: b.prefix }) : t("sql.tables.pg", { database: b.database, schema: b.schema, table: b.table })}
                    {b.kind === "lake" && b.debezium ? ` · ${t("sql.tables.flattened")}` : ""}
                  </span>
                  <button type="button" aria-label={t("sql.tables.remove", { name: b.name })} className="ml-1 text-slate-700 hover:text-red-700" onClick={() => setTables((ts) => ts.filter((x) => x.name !== b.name))}>
                    ×
                  </button>
                </li>
              ))}
            </ul>
          </Section>
        ) : null}

        <div className="space-y-2">
          <label htmlFor="sql-editor" className="block text-sm font-semibold text-slate-900">
            {t("sql.editor.label")} <span className="font-normal text-slate-600">{t("sql.editor.hint")}</span>
          </label>
          <textarea
            id="sql-editor"
            data-testid="sql-editor"
            className="block h-64 w-full rounded border border-slate-400 p-2 font-mono text-sm"
            spellCheck={false}
            value={sql}
            onChange={(e) => setSql(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
                e.preventDefault();
                start();
              }
            }}
          />
          <div className="flex flex-wrap items-center gap-2">
            <Button onClick={start} disabled={run.isPending || !sql.trim()} data-testid="sql-run">
              {run.isPending ? t("sql.editor.running") : t("sql.editor.run")}
            </Button>
            {run.isPending ? (
              <Button variant="ghost" onClick={run.cancel} data-testid="sql-cancel">
                {t("sql.editor.cancel")}
              </Button>
            ) : null}
            <span className="ml-4 text-sm text-slate-700">{t("sql.export.label")}:</span>
            <Button variant="ghost" onClick={() => exportAs("csv")} disabled={!run.data}>
              {t("sql.export.csv")}
            </Button>
            <Button variant="ghost" onClick={() => exportAs("jsonl")} disabled={!run.data}>
              {t("sql.export.jsonl")}
            </Button>
            <Button variant="ghost" onClick={() => exportAs("parquet")} disabled={!run.data || exporting}>
              {exporting ? t("sql.export.working") : t("sql.export.parquet")}
            </Button>
          </div>
          {exportError ? (
            <p role="alert" className="text-sm text-red-900">
              {t("sql.export.error", { message: errorText(exportError) })}
            </p>
          ) : null}
        </div>

        <Section heading={t("sql.result.heading")} headingClassName="font-semibold text-slate-900" className="space-y-2">
          {run.isPending ? <p role="status">{t("sql.editor.running")}</p> : null}
          {!run.isPending && error ? (
            cancelled ? (
              <p role="status">{t("sql.result.cancelled")}</p>
            ) : (
              <div role="alert" className="rounded-lg border border-red-300 bg-red-50 p-3 text-red-900" data-testid="sql-error">
                <p className="font-semibold">{t("sql.result.errorTitle")}</p>
                <p className="mt-1 break-words">{errorText(error)}</p>
                {position ? <p className="mt-1 text-sm">{t("sql.result.position", { line: position.line, column: position.column })}</p> : null}
                {error instanceof ApiError && error.detail ? (
                  <details className="mt-1 text-sm">
                    <summary>{t("sql.result.detail")}</summary>
                    <pre className="whitespace-pre-wrap font-mono text-xs">{error.detail}</pre>
                  </details>
                ) : null}
              </div>
            )
          ) : null}
          {!run.isPending && run.data ? <ResultGrid key={run.submittedAt} result={run.data} /> : null}
        </Section>

        {canWrite && run.data ? <SaveParquet vars={vars} /> : null}

        <SavedQueries current={{ title, sql, target, tables: vars.tables }} savedId={savedId} onTitle={setTitle} onSaved={setSavedId} onOpen={loadSaved} />
        {catalog.data ? (
          <p className="text-xs text-slate-600">
            max {catalog.data.limits.maxRows.toLocaleString(locale)} rows · {catalog.data.limits.queryTimeoutMs.toLocaleString(locale)} ms · {catalog.data.limits.memoryLimitMb} MB ·{" "}
            {formatBytes(locale, catalog.data.limits.maxFetchBytes)} S3
          </p>
        ) : null}
      </div>
    </div>
  );
}

function SaveParquet({ vars }: { vars: RunVars }) {
  const t = useT();
  const locale = useLocale();
  const save = useSaveParquetMutation();
  const [bucket, setBucket] = useState("trusted");
  const [key, setKey] = useState("pessoas/part-0.parquet");
  const [confirming, setConfirming] = useState(false);
  return (
    <SqlCard id="sql-save-heading" heading={t("sql.save.heading")}>
      <div className="flex flex-wrap items-end gap-2">
        <CardField label={t("sql.save.bucket")} value={bucket} onChange={setBucket} className="font-mono" testId="sql-save-bucket" />
        <CardField label={t("sql.save.key")} value={key} onChange={setKey} className="w-80 font-mono" testId="sql-save-key" />
        <Button onClick={() => setConfirming(true)} disabled={save.isPending} data-testid="sql-save-parquet">
          {save.isPending ? t("sql.save.saving") : t("sql.save.button")}
        </Button>
      </div>
      {confirming ? (
        <ConfirmDialog
          title={t("sql.save.heading")}
          confirmLabel={t("sql.save.confirmYes")}
          busy={save.isPending}
          onCancel={() => setConfirming(false)}
          onConfirm={() => save.mutate({ ...vars, bucket, key }, { onSettled: () => setConfirming(false) })}
          testId="sql-save-confirm"
        >
          <p>{t("sql.save.confirm", { bucket, key })}</p>
        </ConfirmDialog>
      ) : null}
      <ErrorNote error={save.error} text={(message) => t("sql.save.error", { message })} className="text-sm text-red-900" />
      {save.data ? (
        <p role="status" className="text-sm text-slate-800" data-testid="sql-saved">
          {t("sql.save.saved", { rows: save.data.rows.toLocaleString(locale), size: formatBytes(locale, save.data.bytes), bucket: save.data.bucket, key: save.data.key })}{" "}
          <Link className="text-sky-800 underline" href={`/lake/${encodeURIComponent(save.data.bucket)}/object?key=${encodeURIComponent(save.data.key)}`}>
            {t("sql.save.open")}
          </Link>
        </p>
      ) : null}
    </SqlCard>
  );
}
