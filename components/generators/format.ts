// Number formatting for the generator screens (locale-aware, pure).
import type { Locale } from "@/lib/i18n/locale";

export function formatCount(locale: Locale, n: number): string {
  return new Intl.NumberFormat(locale).format(n);
}

/** Rates: one decimal under 100/s (0.3/s for the CDC demo), whole numbers above. */
export function formatRate(locale: Locale, rate: number): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: rate < 100 ? 1 : 0 }).format(rate);
}

export function formatPercent(locale: Locale, share: number): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(share * 100);
}

export function formatTime(locale: Locale, iso: string | null): string {
  if (!iso) return "—";
  return new Intl.DateTimeFormat(locale, { dateStyle: "short", timeStyle: "medium" }).format(new Date(iso));
}
