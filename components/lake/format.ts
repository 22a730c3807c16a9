// Number, size and date formatting for the lake's tables. Pure.

const UNITS = ["B", "KB", "MB", "GB", "TB"];

/** 1536 → "1,5 KB" (pt-BR) / "1.5 KB" (en); binary multiples, as file managers show them. */
export function formatBytes(bytes: number, locale: string): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${value.toLocaleString(locale, { maximumFractionDigits: digits, minimumFractionDigits: 0 })} ${UNITS[unit]}`;
}

export function formatCount(n: number, locale: string): string {
  return n.toLocaleString(locale);
}

export function formatDateTime(iso: string | null, locale: string): string {
  if (!iso) return "—";
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleString(locale, { dateStyle: "short", timeStyle: "medium" });
}

export function formatTime(iso: string, locale: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleTimeString(locale);
}

/** Links of the lake's pages. */
export const lakeHref = {
  bucket: (bucket: string, prefix = "", view?: "latest") => {
    const params = new URLSearchParams();
    if (prefix) params.set("prefix", prefix);
    if (view) params.set("view", view);
    const qs = params.toString();
    return `/lake/${encodeURIComponent(bucket)}${qs ? `?${qs}` : ""}`;
  },
  object: (bucket: string, key: string) => `/lake/${encodeURIComponent(bucket)}/object?key=${encodeURIComponent(key)}`,
};
