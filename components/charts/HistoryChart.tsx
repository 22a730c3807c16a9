"use client";

// A titled chart of the server's last hour of one kind of pipeline series (GET /api/pipeline/history), for the
// overview and the detail pages. The history lives in the server's sampler: a reload shows the same hour.
import { useErrorText, useT } from "@/components/i18n/I18nProvider";
import { usePipelineHistoryQuery } from "@/data/pipeline/use-pipeline-history";
import type { SeriesKind } from "@/lib/pipeline/shared/metrics";
import { TimeSeriesChart, type ValueFormat } from "./TimeSeriesChart";

const FORMAT: Record<SeriesKind, ValueFormat> = {
  table_rate: "rate",
  topic_rate: "rate",
  sink_lag: "count",
  sink_objects: "count",
  sink_bytes: "bytes",
  slot_wal: "bytes",
  generator_rate: "rate",
};

export function HistoryChart({ kind, seriesKey = null, match, title, label, height, testId }: { kind: SeriesKind; seriesKey?: string | null; match?: (key: string) => boolean; title: string; label?: (key: string) => string; height?: number; testId?: string }) {
  const t = useT();
  const errorText = useErrorText();
  const query = usePipelineHistoryQuery(kind, seriesKey);
  const series = (query.data?.series ?? []).filter((s) => !match || match(s.key)).map((s) => ({ key: s.key, label: label ? label(s.key) : s.key, points: s.points }));
  const empty = query.isSuccess && series.every((s) => s.points.length === 0);
  return (
    <figure className="rounded-xl border-2 border-slate-300 bg-white p-4" data-testid={testId ? `${testId}-figure` : undefined}>
      <figcaption className="mb-2 flex flex-wrap items-baseline justify-between gap-2">
        <span className="text-xl font-bold text-slate-900">{title}</span>
        <span className="text-base text-slate-700">{t("pipeline.charts.lastHour")}</span>
      </figcaption>
      {query.isPending ? (
        <p className="text-lg text-slate-700">{t("pipeline.charts.loading")}</p>
      ) : query.isError && !query.data ? (
        <p role="alert" className="text-lg text-red-800">
          {t("pipeline.charts.error", { message: errorText(query.error) })}
        </p>
      ) : empty ? (
        <p className="text-lg text-slate-700">{t("pipeline.charts.noData")}</p>
      ) : (
        <TimeSeriesChart series={series} format={FORMAT[kind]} height={height} testId={testId} />
      )}
    </figure>
  );
}
