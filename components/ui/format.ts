// The one formatting module of the UI: numbers, bytes, counts with plural rules, dates and times with their
// time zone, relative times. One argument order everywhere — (locale, value) — and formatters cached per locale
// and style: building an Intl formatter per call was the live tail's largest cost at 1,000 events/s. Pure, used by
// server and client components alike; the locale is always the app's, never the runtime's default, so the server
// and the browser render the same text (no hydration mismatch).

type Cache<T> = Map<string, T>;
const numberCache: Cache<Intl.NumberFormat> = new Map();
const dateCache: Cache<Intl.DateTimeFormat> = new Map();
const pluralCache: Cache<Intl.PluralRules> = new Map();
const relativeCache: Cache<Intl.RelativeTimeFormat> = new Map();

function cached<T>(cache: Cache<T>, key: string, make: () => T): T {
  let f = cache.get(key);
  if (!f) {
    f = make();
    cache.set(key, f);
  }
  return f;
}

function numberFormat(locale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  return cached(numberCache, `${locale}|${JSON.stringify(options)}`, () => new Intl.NumberFormat(locale, options));
}

function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  return cached(dateCache, `${locale}|${JSON.stringify(options)}`, () => new Intl.DateTimeFormat(locale, options));
}

/** 1234567 → "1.234.567" (pt-BR) / "1,234,567" (en). */
export function formatNumber(locale: string, n: number, options?: Intl.NumberFormatOptions): string {
  return numberFormat(locale, options).format(n);
}

/** Rates: one decimal under 100/s (0.3/s for the CDC demo), whole numbers above. */
export function formatRate(locale: string, rate: number): string {
  return formatNumber(locale, rate, { maximumFractionDigits: rate < 100 ? 1 : 0 });
}

/** A share 0–1 as a percentage number: 0.0123 → "1,23" (the % sign is the catalog's). */
export function formatPercent(locale: string, share: number): string {
  return formatNumber(locale, share * 100, { maximumFractionDigits: 2 });
}

const UNITS = ["B", "KB", "MB", "GB", "TB"];

/** 1536 → "1,5 KB" (pt-BR) / "1.5 KB" (en); binary multiples, as file managers show them. */
export function formatBytes(locale: string, bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${formatNumber(locale, value, { maximumFractionDigits: digits, minimumFractionDigits: 0 })} ${UNITS[unit]}`;
}

/** The plural category of n in the locale ("one", "other", …), for catalogs with `{ one, other }` forms. */
export function pluralOf(locale: string, n: number): Intl.LDMLPluralRule {
  return cached(pluralCache, locale, () => new Intl.PluralRules(locale)).select(n);
}

/** "1 objeto" / "2 objetos": the count formatted, with the form its plural category asks for. */
export function formatCountOf(locale: string, n: number, forms: { one: string; other: string }): string {
  const form = pluralOf(locale, n) === "one" ? forms.one : forms.other;
  return form.replace("{count}", formatNumber(locale, n));
}

const toDate = (value: string | number | Date): Date => (value instanceof Date ? value : new Date(value));

/** Date and time with the time zone: "01/12/2026, 19:03:15 BRT". "—" for none; the input itself when invalid. */
export function formatDateTime(locale: string, value: string | number | Date | null | undefined): string {
  if (value === null || value === undefined || value === "") return "—";
  const d = toDate(value);
  if (Number.isNaN(d.getTime())) return String(value);
  return dateFormat(locale, { dateStyle: "short", timeStyle: "long", hourCycle: "h23" }).format(d);
}

/**
 * Time of day with its zone ("19:03:15 BRT"); with `date`, the date first; with `millis`, milliseconds after the
 * seconds ("19:03:15.731 BRT"), as message times need. The hour after midnight is 00 (h23), not 24.
 */
export function formatTime(locale: string, value: string | number | Date, options: { date?: boolean; millis?: boolean } = {}): string {
  const d = toDate(value);
  if (Number.isNaN(d.getTime())) return String(value);
  const parts = dateFormat(locale, {
    ...(options.date ? { year: "numeric", month: "numeric", day: "numeric" } : {}),
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
    hourCycle: "h23",
    timeZoneName: "short",
  }).formatToParts(d);
  let out = "";
  for (const p of parts) {
    if (p.type === "timeZoneName" && options.millis) out = `${out.trimEnd()}.${String(d.getMilliseconds()).padStart(3, "0")} `;
    out += p.type === "literal" && p.value === ", " && options.date ? " " : p.value;
  }
  return out;
}

/** "há 5 minutos" / "5 minutes ago", from `now` (default: the current time). */
export function formatRelative(locale: string, value: string | number | Date, now: number = Date.now()): string {
  const d = toDate(value);
  if (Number.isNaN(d.getTime())) return String(value);
  const seconds = Math.round((d.getTime() - now) / 1000);
  const f = cached(relativeCache, locale, () => new Intl.RelativeTimeFormat(locale, { numeric: "auto" }));
  const abs = Math.abs(seconds);
  if (abs < 60) return f.format(seconds, "second");
  if (abs < 3600) return f.format(Math.round(seconds / 60), "minute");
  if (abs < 86_400) return f.format(Math.round(seconds / 3600), "hour");
  return f.format(Math.round(seconds / 86_400), "day");
}

/** A value of a result row as one line of text: objects as JSON, SQL's NULL (and a missing value) as `nullText`. */
export function cellText(value: unknown, nullText: string): string {
  if (value === null || value === undefined) return nullText;
  return typeof value === "object" ? JSON.stringify(value) : String(value);
}
