import type { Metadata } from "next";
import { TopicsOverview } from "@/components/topics/TopicsOverview";
import { getI18n } from "@/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t("topics.title") };
}

export default async function TopicsPage() {
  const { t } = await getI18n();
  return (
    <div className="space-y-6">
      <section>
        <h1 className="text-3xl font-bold text-slate-900">{t("topics.title")}</h1>
        <p className="mt-2 max-w-4xl text-lg leading-relaxed text-slate-800">{t("topics.intro")}</p>
      </section>
      <TopicsOverview />
    </div>
  );
}
