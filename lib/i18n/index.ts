// i18n entry point: locales, negotiation, catalogs and `t`. No server-only import, but it pulls in every
// catalog: server components should use `@/lib/i18n/server`, client components `useT()` (which ships only
// the current locale's catalog, passed down by the root layout).
import { formatMessage, type MessageKey, type Messages, type MessageVars } from "./format";
import type { Locale } from "./locale";
import { en } from "./messages/en";
import { ptBR } from "./messages/pt-BR";

export { formatMessage, interpolate } from "./format";
export type { MessageKey, Messages, MessageVars, Translate } from "./format";
export { FALLBACK_LOCALE, isLocale, LOCALE_COOKIE, LOCALES, pickLocale } from "./locale";
export type { Locale } from "./locale";

const catalogs: Record<Locale, Messages> = { "pt-BR": ptBR, en };

export function getMessages(locale: Locale): Messages {
  return catalogs[locale];
}

/** Translates `key` in `locale`, replacing `{name}` placeholders with `vars`. */
export function t(locale: Locale, key: MessageKey, vars?: MessageVars): string {
  return formatMessage(getMessages(locale), key, vars);
}
