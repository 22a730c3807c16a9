import type { Metadata } from "next";
import type { ReactNode } from "react";
import { PrincipalProvider } from "@/components/auth/PrincipalProvider";
import { HealthStrip } from "@/components/health/HealthStrip";
import { I18nProvider } from "@/components/i18n/I18nProvider";
import { QueryProvider } from "@/components/providers/QueryProvider";
import { Header } from "@/components/shell/Header";
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
  const [{ locale, messages, t }, principal] = await Promise.all([getI18n(), currentPrincipal()]);
  return (
    <html lang={locale}>
      <body className="min-h-screen bg-slate-50 text-slate-900">
        <I18nProvider locale={locale} messages={messages}>
          <PrincipalProvider principal={principal}>
            <QueryProvider>
              <Header t={t} principal={principal} />
              <HealthStrip />
              <main className="mx-auto max-w-7xl px-4 py-8">{children}</main>
            </QueryProvider>
          </PrincipalProvider>
        </I18nProvider>
      </body>
    </html>
  );
}
