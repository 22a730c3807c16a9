import type { Metadata } from "next";
import { BucketBrowser } from "@/components/lake/BucketBrowser";
import { getI18n } from "@/i18n/server";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ bucket: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? "";

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { bucket } = await params;
  return { title: bucket };
}

/** A bucket at ?prefix= (a folder, ending with "/"), as a paged listing or (?view=latest) its newest objects. */
export default async function BucketPage({ params, searchParams }: Props) {
  const [{ bucket }, search, { t }] = await Promise.all([params, searchParams, getI18n()]);
  const raw = one(search.prefix);
  const prefix = raw && !raw.endsWith("/") ? `${raw}/` : raw;
  const view = one(search.view) === "latest" ? "latest" : "browse";
  return (
    <section className="space-y-3">
      <h1 className="sr-only">{t("lake.browser.heading", { bucket })}</h1>
      <BucketBrowser bucket={bucket} prefix={prefix} view={view} />
    </section>
  );
}
