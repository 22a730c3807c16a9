"use client";

import { useLocale, useT } from "@/components/i18n/I18nProvider";
import type { CsvPreview, JsonLinesPreview, ObjectPreview, ParquetPreview } from "@/lib/s3/shared/lake-types";
import { ChangeEventView } from "@/components/change/ChangeEventView";
import { useCountOf } from "@/components/ui/useCountOf";
import { cellText, formatBytes, formatNumber } from "@/components/ui/format";

const PRE = "max-h-[32rem] overflow-auto rounded border border-slate-300 bg-slate-50 p-3 font-mono text-xs whitespace-pre-wrap break-all";

/** The preview of an object, by kind, with what was read to build it. */
export function PreviewView({ preview }: { preview: ObjectPreview }) {
  const t = useT();
  const locale = useLocale();
  const readNote =
    preview.kind === "image"
      ? t("lake.preview.imageNote")
      : t("lake.preview.bytesRead", { read: formatBytes(locale, preview.bytesRead), size: formatBytes(locale, preview.size) });
  return (
    <div className="space-y-2" data-testid="lake-preview" data-kind={preview.kind}>
      <p className="text-sm text-slate-600">
        {t(`lake.preview.kinds.${preview.kind}`)} · {readNote}
      </p>
      {preview.kind === "json" ? (
        <>
          {preview.event ? (
            <div className="rounded border border-slate-300 bg-white p-2">
              <ChangeEventView event={preview.event} />
            </div>
          ) : null}
          {!preview.valid ? <p className="text-sm text-amber-800">{preview.truncated ? t("lake.preview.truncatedJson") : t("lake.preview.invalidJson")}</p> : null}
          <pre className={PRE}>{preview.text}</pre>
        </>
      ) : preview.kind === "jsonl" ? (
        <JsonLinesView preview={preview} />
      ) : preview.kind === "csv" ? (
        <CsvView preview={preview} />
      ) : preview.kind === "parquet" ? (
        <ParquetView preview={preview} />
      ) : preview.kind === "image" ? (
        // eslint-disable-next-line @next/next/no-img-element -- a presigned S3 URL, not an app asset
        <img src={preview.url} alt={preview.key} className="max-h-[32rem] max-w-full rounded border border-slate-300" />
      ) : preview.kind === "text" ? (
        <>
          <pre className={PRE}>{preview.text}</pre>
          {preview.truncated ? <p className="text-sm text-slate-600">{t("lake.preview.truncated")}</p> : null}
        </>
      ) : (
        <>
          <p className="text-sm text-slate-700">{t("lake.preview.binary")}</p>
          <pre className={PRE}>{preview.hex.replace(/(..)/g, "$1 ").trim()}</pre>
        </>
      )}
    </div>
  );
}

function JsonLinesView({ preview }: { preview: JsonLinesPreview }) {
  const t = useT();
  const countOf = useCountOf();
  const events = preview.lines.filter((l) => l.event).length;
  return (
    <div className="space-y-2">
      <p className="text-sm" data-testid="jsonl-summary">
        {t("lake.preview.linesSummary", { lines: countOf(preview.lines.length, "lake.nouns.lines"), events: countOf(events, "lake.nouns.changeEvents") })}
        {preview.truncated ? ` ${t("lake.preview.truncated")}` : ""}
      </p>
      <ol className="max-h-[40rem] space-y-2 overflow-y-auto">
        {preview.lines.map((l) => (
          <li key={l.line}>
            {l.event ? (
              <>
                <div className="rounded border border-slate-300 bg-white p-2">
                  <ChangeEventView event={l.event} line={l.line} />
                </div>
                <details className="ml-2 text-xs">
                  <summary className="cursor-pointer text-sky-800">{t("lake.preview.rawJson")}</summary>
                  <pre className={PRE}>{l.text}</pre>
                </details>
              </>
            ) : (
              <div>
                <span className="text-xs text-slate-500">{t("lake.preview.line", { n: l.line })}</span>
                {!l.valid ? <span className="ml-2 text-xs text-amber-800">{t("lake.preview.invalidJson")}</span> : null}
                <pre className={PRE}>{l.text}</pre>
              </div>
            )}
          </li>
        ))}
      </ol>
    </div>
  );
}

function CsvView({ preview }: { preview: CsvPreview }) {
  const t = useT();
  const delimiter = preview.delimiter === "\t" ? "TAB" : preview.delimiter;
  return (
    <div className="space-y-2">
      <p className="text-sm">
        {t("lake.preview.csvSummary", { rows: preview.rows.length, delimiter })}
        {preview.truncated ? ` ${t("lake.preview.truncated")}` : ""}
      </p>
      <RowsTable testId="csv-table" header={preview.header} rows={preview.rows} />
    </div>
  );
}

function ParquetView({ preview }: { preview: ParquetPreview }) {
  const t = useT();
  const locale = useLocale();
  const names = preview.columns.map((c) => c.name);
  return (
    <div className="space-y-4">
      <p className="text-sm" data-testid="parquet-summary">
        {t("lake.preview.parquetSummary", {
          rows: formatNumber(locale, preview.totalRows),
          groups: preview.rowGroups.length,
          requests: preview.rangeRequests,
          read: formatBytes(locale, preview.bytesRead),
        })}
        {preview.createdBy ? ` · ${t("lake.preview.createdBy", { by: preview.createdBy })}` : ""}
      </p>
      <div className="grid gap-4 lg:grid-cols-2">
        <section>
          <h3 className="font-semibold">{t("lake.preview.schema")}</h3>
          <table className="mt-1 min-w-full text-left text-xs" data-testid="parquet-schema">
            <thead className="bg-slate-100">
              <tr>
                <th className="px-2 py-1">{t("lake.preview.column")}</th>
                <th className="px-2 py-1">{t("lake.preview.type")}</th>
                <th className="px-2 py-1">{t("lake.preview.logicalType")}</th>
                <th className="px-2 py-1">{t("lake.preview.repetition")}</th>
              </tr>
            </thead>
            <tbody className="font-mono">
              {preview.columns.map((c) => (
                <tr key={c.name} className="border-t border-slate-200">
                  <td className="px-2 py-1">{c.name}</td>
                  <td className="px-2 py-1">{c.type}</td>
                  <td className="px-2 py-1">{c.logicalType ?? "—"}</td>
                  <td className="px-2 py-1">{c.repetition ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section>
          <h3 className="font-semibold">{t("lake.preview.rowGroups")}</h3>
          <div className="max-h-64 overflow-y-auto">
            <table className="mt-1 min-w-full text-left text-xs">
              <thead className="bg-slate-100">
                <tr>
                  <th className="px-2 py-1">#</th>
                  <th className="px-2 py-1 text-right">{t("lake.preview.rows")}</th>
                  <th className="px-2 py-1 text-right">{t("lake.preview.bytes")}</th>
                  <th className="px-2 py-1">{t("lake.preview.compression")}</th>
                </tr>
              </thead>
              <tbody className="font-mono">
                {preview.rowGroups.map((g) => (
                  <tr key={g.index} className="border-t border-slate-200">
                    <td className="px-2 py-1">{g.index}</td>
                    <td className="px-2 py-1 text-right">{formatNumber(locale, g.rows)}</td>
                    <td className="px-2 py-1 text-right">{formatBytes(locale, g.bytes)}</td>
                    <td className="px-2 py-1">{g.compression.join(", ")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      </div>
      <section>
        <h3 className="font-semibold">{t("lake.preview.firstRows", { count: preview.rows.length })}</h3>
        <RowsTable testId="parquet-rows" header={names} rows={preview.rows.map((r) => names.map((n) => cellText(r[n], "null")))} className="mt-1" />
      </section>
    </div>
  );
}

/** The rows of a CSV or Parquet file: a scrolling table with a sticky header, cells as the file has them. */
function RowsTable({ header, rows, testId, className = "" }: { header: string[]; rows: string[][]; testId: string; className?: string }) {
  return (
    <div className={`max-h-[32rem] overflow-auto rounded border border-slate-300 ${className}`}>
      <table className="min-w-full text-left text-xs" data-testid={testId}>
        <thead className="sticky top-0 bg-slate-100">
          <tr>
            {header.map((h, i) => (
              <th key={i} className="px-2 py-1 font-semibold">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="font-mono">
          {rows.map((r, i) => (
            <tr key={i} className="border-t border-slate-200">
              {r.map((c, j) => (
                <td key={j} className="px-2 py-1 whitespace-pre">
                  {c}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
