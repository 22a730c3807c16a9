"use client";

// The connector detail's chart: a sink's lag over the last hour, or a Debezium source's slot retained WAL. The
// connector's type and slot come from the detail query the page already runs (same cache entry).
import { useT } from "@/components/i18n/I18nProvider";
import { useConnectorDetailQuery } from "@/data/connectors/use-connector-detail";
import { HistoryChart } from "./HistoryChart";

export function ConnectorCharts({ cluster, clusterSlug, name }: { cluster: string; clusterSlug: string; name: string }) {
  const t = useT();
  const detail = useConnectorDetailQuery(cluster, name).data;
  if (!detail) return null;
  if (detail.type === "sink") return <HistoryChart kind="sink_lag" seriesKey={`${clusterSlug}/${name}`} title={t("pipeline.charts.sinkLag")} testId="connector-chart-lag" />;
  const slot = detail.debezium?.slot.name;
  if (slot) return <HistoryChart kind="slot_wal" match={(k) => k.endsWith(`/${slot}`)} title={t("pipeline.charts.slotWalOf", { slot })} testId="connector-chart-wal" />;
  return null;
}
