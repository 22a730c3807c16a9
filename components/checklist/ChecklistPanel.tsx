"use client";

import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useLocale, useT } from "@/components/i18n/I18nProvider";
import { Button } from "@/components/ui/Button";
import { LoadError, LoadingRows } from "@/components/ui/QueryStates";
import { formatTime } from "@/components/ui/format";
import { useChecklistQuery } from "@/data/pipeline/use-checklist";
import type { ChecklistItem, ChecklistReport, ChecklistStatus } from "@/lib/pipeline/shared/checklist";
import { causeText, evidenceLines, itemTexts } from "./evidence-lines";
import { evidenceFileName, evidenceMarkdown } from "./report";

const CARD: Record<ChecklistStatus, string> = {
  ok: "border-emerald-600 bg-emerald-50",
  missing: "border-red-600 bg-red-50",
  unknown: "border-slate-400 bg-slate-100",
};
const BADGE: Record<ChecklistStatus, string> = {
  ok: "bg-emerald-700 text-white",
  missing: "bg-red-700 text-white",
  unknown: "bg-slate-600 text-white",
};
const MARK: Record<ChecklistStatus, string> = { ok: "✓", missing: "✗", unknown: "?" };

/** The targets the page's URL narrows (?connector=&cluster=&buckets=&window=), passed through to the API. */
const PASSED = ["connector", "cluster", "buckets", "layers", "window"] as const;

function download(text: string, name: string) {
  const blob = new Blob([text], { type: "text/markdown;charset=utf-8" });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function Item({ item, index, report }: { item: ChecklistItem; index: number; report: ChecklistReport }) {
  const t = useT();
  const locale = useLocale();
  const { title, description } = itemTexts(item, report, t);
  const lines = evidenceLines(item, t, locale);
  return (
    <li data-testid={`checklist-item-${item.id}`} data-status={item.status} className={`checklist-item flex gap-3 rounded-lg border-2 p-4 ${CARD[item.status]}`}>
      <span aria-hidden="true" className={`flex size-9 shrink-0 items-center justify-center rounded-full text-base font-bold ${BADGE[item.status]}`}>
        {MARK[item.status]}
      </span>
      <div className="min-w-0 flex-1">
        <h3 className="text-lg font-semibold text-slate-950">
          {index + 1}. {title}{" "}
          <span className={`ml-1 rounded px-2 py-0.5 align-middle text-sm font-bold ${BADGE[item.status]}`} data-testid="checklist-status">
            {t(`checklist.status.${item.status}`)}
          </span>
        </h3>
        <p className="mt-0.5 text-base leading-snug text-slate-800">{description}</p>
        {lines.length ? (
          <ul className="mt-2 space-y-0.5 text-sm text-slate-900" data-testid="checklist-evidence">
            {lines.map((l, i) => (
              <li key={i} className="break-words font-mono">
                {l}
              </li>
            ))}
          </ul>
        ) : null}
        {item.cause ? (
          <p className="mt-2 break-words text-base font-medium text-red-900" data-testid="checklist-cause">
            {causeText(item.cause, t, locale)}
          </p>
        ) : null}
        <Link href={item.link} className="mt-2 inline-block text-sm font-semibold text-sky-800 underline underline-offset-2 print:hidden">
          {t("checklist.whereToAct")} →
        </Link>
      </div>
    </li>
  );
}

/** The course's checklist, live: every item green, red or grey with its evidence, polled every 5 s. */
export function ChecklistPanel() {
  const t = useT();
  const locale = useLocale();
  const search = useSearchParams();
  const params: Record<string, string> = {};
  for (const k of PASSED) {
    const v = search.get(k);
    if (v) params[k] = v;
  }
  const query = useChecklistQuery(params);
  const report = query.data;

  if (!report) {
    if (query.isError) return <LoadError title={t("checklist.loadError")} query={query} />;
    return <LoadingRows label={t("checklist.loading")} rows={4} rowClassName="h-20" />;
  }
  const okCount = report.items.filter((i) => i.status === "ok").length;
  return (
    <div data-testid="checklist" data-checked-at={report.checkedAt}>
      <div className="flex flex-wrap items-center gap-3">
        <p className="text-base font-semibold text-slate-900" data-testid="checklist-summary">
          {t("checklist.summary", { ok: okCount, total: report.items.length })}
        </p>
        <p className="text-sm text-slate-700">
          {t("checklist.checkedAt", { time: formatTime(locale, report.checkedAt) })}
          {query.isFetching ? ` · ${t("checklist.refreshing")}` : ""}
        </p>
        <div className="ml-auto flex gap-2 print:hidden">
          <Button
            data-testid="checklist-download"
            title={t("checklist.downloadHint")}
            onClick={() => download(evidenceMarkdown(report, t, locale, window.location.origin), evidenceFileName(report, locale === "pt-BR" ? "evidencias" : "evidence"))}
          >
            {t("checklist.download")}
          </Button>
          <Button variant="ghost" className="border border-slate-400" onClick={() => window.print()}>
            {t("checklist.print")}
          </Button>
        </div>
      </div>
      <ol className="checklist-grid mt-4 grid gap-3 md:grid-cols-2 xl:grid-cols-3 print:block print:space-y-2">
        {report.items.map((item, i) => (
          <Item key={item.id} item={item} index={i} report={report} />
        ))}
      </ol>
    </div>
  );
}
