import type { Metadata } from "next";
import { AreaPlaceholder } from "@/components/shell/AreaPlaceholder";
import { getI18n } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t("areas.lake.title") };
}

export default async function LakePage() {
  const { t } = await getI18n();
  return (
    <AreaPlaceholder
      title={t("areas.lake.title")}
      badge={t("areas.comingSoon")}
      description={t("areas.lake.description")}
    />
  );
}
