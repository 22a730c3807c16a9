"use client";

import Link from "next/link";
import { useLocale, useT } from "@/components/i18n/I18nProvider";
import { Button } from "@/components/ui/Button";
import { DataTable } from "@/components/ui/DataTable";
import { formatDateTime } from "@/components/ui/format";
import { LoadError, LoadingRows } from "@/components/ui/QueryStates";
import { Section } from "@/components/ui/Section";
import { useTracesQuery } from "@/data/pipeline/use-traces";
import { formatLatency } from "./latency";
import { TraceStatusBadge } from "./TraceStatusBadge";

const COLUMNS = ["id", "status", "connector", "table", "startedAt", "commitToTopic", "topicToObject", "startedBy"] as const;

/** Stored traces, newest first, page by page: loading → error (with retry) → empty → table. */
export function TraceList() {
  const t = useT();
  const locale = useLocale();
  const query = useTracesQuery(20);
  const traces = query.data?.pages.flatMap((p) => p.traces) ?? [];
  return (
    <Section heading={t("trace.list.title")} headingClassName="text-2xl font-bold text-slate-900" className="space-y-3">
      {query.isPending ? (
        <LoadingRows label={t("trace.list.loading")} rows={3} rowClassName="h-10" />
      ) : query.isError && !query.data ? (
        <LoadError title={t("trace.list.errorTitle")} query={query} />
      ) : traces.length === 0 ? (
        <p className="text-lg text-slate-700">{t("trace.list.empty")}</p>
      ) : (
        <>
          <DataTable testId="trace-list" columns={COLUMNS.map((c) => ({ key: c, label: t(`trace.list.columns.${c}`), numeric: c === "commitToTopic" || c === "topicToObject" }))}>
            {traces.map((tr) => (
              <tr key={tr.id} data-testid={`trace-row-${tr.id}`} className="border-t border-slate-200 text-lg">
                <td className="px-3 py-2 tabular-nums">
                  <Link href={`/trace/${tr.id}`} className="font-semibold text-sky-800 underline" aria-label={t("trace.list.open", { id: tr.id })}>
                    {tr.id}
                  </Link>
                </td>
                <td className="px-3 py-2"><TraceStatusBadge status={tr.status} /></td>
                <td className="px-3 py-2 break-all">{tr.connector}</td>
                <td className="px-3 py-2">{tr.table}</td>
                <td className="px-3 py-2 whitespace-nowrap">{formatDateTime(locale, tr.startedAt)}</td>
                <td className="px-3 py-2 text-right tabular-nums">{formatLatency(t, locale, tr.latency.commitToTopicMs)}</td>
                <td className="px-3 py-2 text-right tabular-nums">{formatLatency(t, locale, tr.latency.topicToObjectMs)}</td>
                <td className="px-3 py-2">{tr.startedBy ?? "—"}</td>
              </tr>
            ))}
          </DataTable>
          {query.hasNextPage ? (
            <Button variant="ghost" data-testid="trace-list-more" className="text-lg" onClick={() => void query.fetchNextPage()} disabled={query.isFetchingNextPage}>
              {query.isFetchingNextPage ? t("trace.list.loadingMore") : t("trace.list.more")}
            </Button>
          ) : null}
        </>
      )}
    </Section>
  );
}
