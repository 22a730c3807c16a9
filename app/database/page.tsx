import type { Metadata } from "next";
import { PageChart } from "@/components/charts/PageChart";
import { DatabaseView } from "@/components/database/DatabaseView";
import { currentPrincipal } from "@/lib/auth/server";
import { getI18n } from "@/i18n/server";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t("database.title") };
}

/** ?db=oltp|dw (or the database's name)&tab=catalog|replication|doctor&schema=&table=&cluster=&connector= (read by DatabaseView). */
export default async function DatabasePage() {
  const [{ t }, principal] = await Promise.all([getI18n(), currentPrincipal()]);
  return (
    <section className="space-y-4">
      <h1 className="text-3xl font-bold text-slate-900">{t("database.title")}</h1>
      <p className="max-w-3xl text-slate-800">{t("database.intro")}</p>
      {principal?.role !== "operator" ? <p className="text-sm text-slate-600">{t("database.readOnly")}</p> : null}
      <DatabaseView />
      <PageChart chart="slots" />
    </section>
  );
}
