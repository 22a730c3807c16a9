"use client";

// A history chart placed by a server page (topic detail, database, generators): the title is the catalog's, the
// series labels are made here (a function cannot cross from a server component).
import { useT } from "@/components/i18n/I18nProvider";
import type { GeneratorKind } from "@/lib/generators/shared/params";
import { HistoryChart } from "./HistoryChart";

type Props = { chart: "topic"; topic: string } | { chart: "slots" } | { chart: "generators" };

export function PageChart(props: Props) {
  const t = useT();
  switch (props.chart) {
    case "topic":
      return <HistoryChart kind="topic_rate" seriesKey={props.topic} title={t("pipeline.charts.eventsPerSecond")} testId="topic-chart-rate" />;
    case "slots":
      return <HistoryChart kind="slot_wal" title={t("pipeline.charts.slotWal")} label={(k) => k.slice(k.indexOf("/") + 1)} testId="database-chart-wal" />;
    case "generators":
      return <HistoryChart kind="generator_rate" title={t("pipeline.charts.generatorRate")} label={(k) => t(`pipeline.generators.${k as GeneratorKind}`)} testId="generators-chart-rate" />;
  }
}
