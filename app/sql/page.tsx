import type { Metadata } from "next";
import { SqlWorkbench } from "@/components/sql/SqlWorkbench";
import { currentPrincipal } from "@/lib/auth/server";
import { getI18n } from "@/i18n/server";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t("sql.title") };
}

export default async function SqlPage() {
  const [{ t }, principal] = await Promise.all([getI18n(), currentPrincipal()]);
  const canWrite = principal?.role === "operator";
  return (
    <section className="space-y-4">
      <h1 className="text-3xl font-bold text-slate-900">{t("sql.title")}</h1>
      <p className="max-w-3xl text-slate-800">{t("sql.intro")}</p>
      {!canWrite ? <p className="text-sm text-slate-600">{t("sql.readOnly")}</p> : null}
      <SqlWorkbench canWrite={canWrite} />
    </section>
  );
}
