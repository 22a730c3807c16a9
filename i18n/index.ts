// i18n entry point: negotiation and the catalogs. No server-only import, but it pulls in every
// catalog: server components should use `@/i18n/server`, client components `useT()` (which ships only
// the current locale's catalog, passed down by the root layout).
import type { Messages } from "./format";
import type { Locale } from "./locale";
import { en } from "./messages/en";
import { ptBR } from "./messages/pt-BR";

export type { Messages } from "./format";
export { LOCALE_COOKIE, pickLocale } from "./locale";
export type { Locale } from "./locale";

const catalogs: Record<Locale, Messages> = { "pt-BR": ptBR, en };

export function getMessages(locale: Locale): Messages {
  return catalogs[locale];
}
