import type { Metadata } from "next";
import { PageChart } from "@/components/charts/PageChart";
import { GeneratorsConsole } from "@/components/generators/GeneratorsConsole";
import { currentPrincipal } from "@/lib/auth/server";
import { getI18n } from "@/i18n/server";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t("generators.title") };
}

export default async function GeneratorsPage() {
  const [{ t }, principal] = await Promise.all([getI18n(), currentPrincipal()]);
  const canOperate = principal?.role === "operator";
  return (
    <div className="space-y-6">
      <section>
        <h1 className="text-3xl font-bold text-slate-900">{t("generators.title")}</h1>
        <p className="mt-2 max-w-4xl text-lg leading-relaxed text-slate-800">{t("generators.intro")}</p>
        {canOperate ? null : <p className="mt-3 rounded bg-amber-50 p-2 text-base text-amber-900">{t("generators.viewerNote")}</p>}
      </section>
      <GeneratorsConsole />
      <PageChart chart="generators" />
    </div>
  );
}
