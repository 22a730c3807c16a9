import type { Metadata } from "next";
import { BucketsPanel } from "@/components/lake/BucketsPanel";
import { currentPrincipal } from "@/lib/auth/server";
import { getI18n } from "@/i18n/server";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t("lake.title") };
}

export default async function LakePage() {
  const [{ t }, principal] = await Promise.all([getI18n(), currentPrincipal()]);
  const canWrite = principal?.role === "operator";
  return (
    <section className="space-y-4">
      <h1 className="text-3xl font-bold text-slate-900">{t("lake.title")}</h1>
      <p className="max-w-3xl text-slate-800">{t("lake.intro")}</p>
      {!canWrite ? <p className="text-sm text-slate-600">{t("lake.readOnly")}</p> : null}
      <BucketsPanel />
    </section>
  );
}
