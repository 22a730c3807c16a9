"use client";

import { createContext, useCallback, useContext, useMemo, type ReactNode } from "react";
import { formatMessage, type Messages, type Translate } from "@/i18n/format";
import type { Locale } from "@/i18n/locale";
import { errorText } from "@/i18n/error-text";

interface I18nContextValue {
  locale: Locale;
  messages: Messages;
}

const I18nContext = createContext<I18nContextValue | null>(null);

/** Receives the locale and its catalog from the root layout (server) and hands them to client components. */
export function I18nProvider({
  locale,
  messages,
  children,
}: {
  locale: Locale;
  messages: Messages;
  children: ReactNode;
}) {
  const value = useMemo(() => ({ locale, messages }), [locale, messages]);
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

function useI18nContext(): I18nContextValue {
  const value = useContext(I18nContext);
  if (!value) throw new Error("useT() and useLocale() must be used inside <I18nProvider>");
  return value;
}

/** `t(key, vars)` bound to the current locale. */
export function useT(): Translate {
  const { messages } = useI18nContext();
  return useCallback<Translate>((key, vars) => formatMessage(messages, key, vars), [messages]);
}

export function useLocale(): Locale {
  return useI18nContext().locale;
}

/** `errorText(error)`: a server or network error in the reader's language, with the vendor's text as detail. */
export function useErrorText(): (error: unknown) => string {
  const { messages } = useI18nContext();
  return useCallback((error: unknown) => errorText(messages, error), [messages]);
}
