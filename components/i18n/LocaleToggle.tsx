"use client";

import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { LOCALE_COOKIE, type Locale } from "@/i18n/locale";
import type { MessageKey } from "@/i18n/format";
import { useLocale, useT } from "./I18nProvider";

const OPTIONS: { locale: Locale; label: MessageKey; name: MessageKey }[] = [
  { locale: "pt-BR", label: "locale.ptBR", name: "locale.names.ptBR" },
  { locale: "en", label: "locale.en", name: "locale.names.en" },
];

const ONE_YEAR_SECONDS = 60 * 60 * 24 * 365;

/**
 * pt-BR / EN switch: writes the `locale` cookie and re-renders the server components in place
 * (router.refresh keeps client state, so nothing reloads or flashes).
 */
function rememberLocale(locale: Locale) {
  document.cookie = `${LOCALE_COOKIE}=${locale}; Path=/; Max-Age=${ONE_YEAR_SECONDS}; SameSite=Lax`;
}

export function LocaleToggle() {
  const t = useT();
  const current = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();

  function choose(locale: Locale) {
    if (locale === current) return;
    rememberLocale(locale);
    startTransition(() => router.refresh());
  }

  return (
    <div
      role="group"
      aria-label={t("locale.label")}
      aria-busy={pending}
      className={`flex overflow-hidden rounded-md border border-slate-600 text-sm font-semibold ${pending ? "opacity-70" : ""}`}
    >
      {OPTIONS.map((option) => {
        const active = option.locale === current;
        return (
          <button
            key={option.locale}
            type="button"
            lang={option.locale}
            aria-pressed={active}
            title={t("locale.switchTo", { name: t(option.name) })}
            onClick={() => choose(option.locale)}
            className={`px-3 py-1.5 transition-colors focus-visible:outline-2 focus-visible:outline-offset-[-2px] focus-visible:outline-sky-300 ${
              active ? "bg-sky-500 text-slate-950" : "text-slate-200 hover:bg-slate-700"
            }`}
          >
            {t(option.label)}
          </button>
        );
      })}
    </div>
  );
}
