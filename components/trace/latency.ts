import { formatNumber } from "@/components/ui/format";
import type { Translate } from "@/i18n/format";

/** A latency in ms from the catalog ("1.234 ms"), or "—" when the hop was not reached. */
export function formatLatency(t: Translate, locale: string, ms: number | null): string {
  return ms === null ? t("trace.latency.none") : t("trace.latency.ms", { ms: formatNumber(locale, ms) });
}
