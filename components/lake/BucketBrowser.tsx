"use client";

import Link from "next/link";
import { useT } from "@/components/i18n/I18nProvider";
import { Breadcrumbs } from "./Breadcrumbs";
import { lakeHref } from "./links";
import { LatestObjects } from "./LatestObjects";
import { ObjectBrowser } from "./ObjectBrowser";

/** A bucket at a prefix: breadcrumbs, then the paged listing or the latest objects. */
export function BucketBrowser({ bucket, prefix, view }: { bucket: string; prefix: string; view: "browse" | "latest" }) {
  const t = useT();
  const tab = (id: "browse" | "latest") =>
    `rounded-t-md border border-b-0 px-3 py-1.5 text-sm font-semibold ${view === id ? "border-slate-300 bg-white text-slate-900" : "border-transparent text-sky-800 underline"}`;
  return (
    <div className="space-y-3">
      <Breadcrumbs bucket={bucket} prefix={prefix} view={view === "latest" ? "latest" : undefined} />
      <div role="tablist" aria-label={t("lake.browser.views")} className="flex gap-1 border-b border-slate-300">
        <Link role="tab" aria-selected={view === "browse"} href={lakeHref.bucket(bucket, prefix)} className={tab("browse")}>
          {t("lake.browser.tabs.browse")}
        </Link>
        <Link role="tab" aria-selected={view === "latest"} href={lakeHref.bucket(bucket, prefix, "latest")} className={tab("latest")}>
          {t("lake.browser.tabs.latest")}
        </Link>
      </div>
      {/* Keyed by place: paging tokens and selection belong to one folder. */}
      {view === "latest" ? <LatestObjects key={`l:${prefix}`} bucket={bucket} prefix={prefix} /> : <ObjectBrowser key={`b:${prefix}`} bucket={bucket} prefix={prefix} />}
    </div>
  );
}
