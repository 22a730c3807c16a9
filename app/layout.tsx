import type { Metadata } from "next";
import { cookies } from "next/headers";
import type { ReactNode } from "react";
import { PrincipalProvider } from "@/components/auth/PrincipalProvider";
import { HealthStrip } from "@/components/health/HealthStrip";
import { I18nProvider } from "@/components/i18n/I18nProvider";
import { QueryProvider } from "@/components/providers/QueryProvider";
import { Header } from "@/components/shell/Header";
import { isPresentationOn, PRESENTATION_COOKIE } from "@/components/shell/presentation";
import { currentPrincipal } from "@/lib/auth/server";
import { getI18n } from "@/i18n/server";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return {
    title: { default: t("app.name"), template: `%s · ${t("app.name")}` },
    description: t("app.description"),
  };
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [{ locale, messages, t }, principal, cookieStore] = await Promise.all([getI18n(), currentPrincipal(), cookies()]);
  // Presentation mode is on the root element from the server's first render: no flash, no hydration mismatch.
  const presentation = isPresentationOn(cookieStore.get(PRESENTATION_COOKIE)?.value);
  return (
    <html lang={locale} data-presentation={presentation ? "on" : undefined}>
      <body className="min-h-screen bg-slate-50 text-slate-900">
        <I18nProvider locale={locale} messages={messages}>
          <PrincipalProvider principal={principal}>
            <QueryProvider>
              <Header t={t} principal={principal} presentation={presentation} />
              <HealthStrip />
              <main className="mx-auto max-w-7xl px-4 py-8">{children}</main>
            </QueryProvider>
          </PrincipalProvider>
        </I18nProvider>
      </body>
    </html>
  );
}
