"use client";

import Link from "next/link";
import { useT } from "@/components/i18n/I18nProvider";
import { breadcrumbs } from "@/lib/s3/shared/paths";
import { lakeHref } from "./links";
import { PartitionChip } from "./PartitionChip";

/** Lake › bucket › folder › year=2026 › …, each a link; the last one is the current place. */
export function Breadcrumbs({ bucket, prefix, objectName, view }: { bucket: string; prefix: string; objectName?: string; view?: "latest" }) {
  const t = useT();
  const crumbs = breadcrumbs(prefix);
  return (
    <nav aria-label={t("lake.browser.breadcrumbs")} className="text-sm">
      <ol className="flex flex-wrap items-center gap-1">
        <li>
          <Link href="/lake" className="text-sky-800 underline">
            {t("lake.title")}
          </Link>
        </li>
        <li aria-hidden="true" className="text-slate-400">/</li>
        <li>
          <Link href={lakeHref.bucket(bucket, "", view)} className="font-mono font-semibold text-sky-800 underline" aria-current={!prefix && !objectName ? "page" : undefined}>
            {bucket}
          </Link>
        </li>
        {crumbs.map((c, i) => (
          <li key={c.prefix} className="flex items-center gap-1">
            <span aria-hidden="true" className="text-slate-400">/</span>
            <Link href={lakeHref.bucket(bucket, c.prefix, view)} aria-current={i === crumbs.length - 1 && !objectName ? "page" : undefined} className="font-mono text-sky-800 underline">
              {c.partition ? <PartitionChip partition={c.partition} label={t("lake.browser.partition")} /> : c.label}
            </Link>
          </li>
        ))}
        {objectName ? (
          <li className="flex items-center gap-1">
            <span aria-hidden="true" className="text-slate-400">/</span>
            <span aria-current="page" className="font-mono font-semibold">
              {objectName}
            </span>
          </li>
        ) : null}
      </ol>
    </nav>
  );
}
