import type { Metadata } from "next";
import { AreaPlaceholder } from "@/components/shell/AreaPlaceholder";
import { getI18n } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t("areas.database.title") };
}

export default async function DatabasePage() {
  const { t } = await getI18n();
  return (
    <AreaPlaceholder
      title={t("areas.database.title")}
      badge={t("areas.comingSoon")}
      description={t("areas.database.description")}
    />
  );
}
