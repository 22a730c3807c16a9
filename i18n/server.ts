import "server-only";
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { formatMessage, type Translate } from "./format";
import { getMessages, LOCALE_COOKIE, pickLocale, type Locale, type Messages } from "./index";

export interface ServerI18n {
  locale: Locale;
  messages: Messages;
  t: Translate;
}

/** The request's locale (cookie, then Accept-Language) and a `t` bound to it. Memoized per request. */
export const getI18n = cache(async (): Promise<ServerI18n> => {
  const [cookieStore, headerList] = await Promise.all([cookies(), headers()]);
  const locale = pickLocale(cookieStore.get(LOCALE_COOKIE)?.value, headerList.get("accept-language"));
  const messages = getMessages(locale);
  return { locale, messages, t: (key, vars) => formatMessage(messages, key, vars) };
});
