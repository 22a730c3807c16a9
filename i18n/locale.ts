// Locale constants and negotiation: pure, with no catalog imported, so client code can use them cheaply.

export type Locale = "pt-BR" | "en";
/** Used when neither the cookie nor Accept-Language asks for Portuguese. */
export const FALLBACK_LOCALE: Locale = "en";
/** Name of the cookie the language toggle writes. */
export const LOCALE_COOKIE = "locale";

export function isLocale(value: unknown): value is Locale {
  return value === "pt-BR" || value === "en";
}

/**
 * Which of "pt" and "en" the Accept-Language header prefers (highest q first, header order breaking ties),
 * or null when it names neither.
 */
function preferredFromAcceptLanguage(header: string): "pt" | "en" | null {
  const ranges = header
    .split(",")
    .map((part, index) => {
      const [range = "", ...params] = part.trim().split(";");
      const qParam = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const q = qParam ? Number.parseFloat(qParam.slice(2)) : 1;
      return { primary: range.trim().toLowerCase().split("-")[0] ?? "", q: Number.isFinite(q) ? q : 0, index };
    })
    .filter((r) => r.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const r of ranges) {
    if (r.primary === "pt" || r.primary === "en") return r.primary;
  }
  return null;
}

/**
 * The locale of a request: a valid `locale` cookie wins; otherwise pt-BR when Accept-Language prefers any
 * Portuguese (pt, pt-BR, pt-PT…) over English; otherwise en.
 */
export function pickLocale(cookieValue: string | null | undefined, acceptLanguage: string | null | undefined): Locale {
  if (isLocale(cookieValue)) return cookieValue;
  if (acceptLanguage && preferredFromAcceptLanguage(acceptLanguage) === "pt") return "pt-BR";
  return FALLBACK_LOCALE;
}
