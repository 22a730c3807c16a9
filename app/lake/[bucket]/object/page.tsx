import type { Metadata } from "next";
import { ObjectView } from "@/components/lake/ObjectView";
import { getI18n } from "@/i18n/server";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ bucket: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const key = (await searchParams).key;
  const k = Array.isArray(key) ? key[0] : key;
  return { title: k ? k.slice(k.lastIndexOf("/") + 1) : "object" };
}

/** One object (?key=): metadata, preview, download and delete. */
export default async function ObjectPage({ params, searchParams }: Props) {
  const [{ bucket }, search, { t }] = await Promise.all([params, searchParams, getI18n()]);
  const key = Array.isArray(search.key) ? search.key[0] : search.key;
  if (!key) {
    return (
      <p role="alert" className="rounded border border-red-300 bg-red-50 p-4 text-red-900">
        {t("lake.object.noKey")}
      </p>
    );
  }
  return <ObjectView bucket={bucket} objectKey={key} />;
}
