import type { Metadata } from "next";
import { headers } from "next/headers";
import { TopicsOverview } from "@/components/topics/TopicsOverview";
import { principalFrom } from "@/lib/auth/principal";
import { getI18n } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t("topics.title") };
}

export default async function TopicsPage() {
  const { t } = await getI18n();
  const principal = await principalFrom((await headers()).get("cookie"));
  return (
    <div className="space-y-6">
      <section>
        <h1 className="text-3xl font-bold text-slate-900">{t("topics.title")}</h1>
        <p className="mt-2 max-w-4xl text-lg leading-relaxed text-slate-800">{t("topics.intro")}</p>
      </section>
      <TopicsOverview canManage={principal?.role === "operator"} />
    </div>
  );
}
