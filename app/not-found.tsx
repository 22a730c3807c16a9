import Link from "next/link";
import { getI18n } from "@/i18n/server";

export default async function NotFound() {
  const { t } = await getI18n();
  return (
    <section className="max-w-3xl">
      <h1 className="text-3xl font-bold">{t("notFound.title")}</h1>
      <p className="mt-3 text-lg text-slate-800">{t("notFound.description")}</p>
      <Link href="/" className="mt-5 inline-block font-semibold text-sky-800 underline underline-offset-4 hover:text-sky-600">
        {t("common.backHome")}
      </Link>
    </section>
  );
}
