"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { useLocale, useT } from "@/components/i18n/I18nProvider";
import { formatBytes, formatDateTime } from "@/components/ui/format";
import type { ObjectEntry } from "@/lib/s3/shared/lake-types";
import { lakeHref } from "./links";

/** The header of a table of objects (the folder browser, the latest objects): name, size, modified. */
export function ObjectTableHead({ lead }: { lead?: ReactNode }) {
  const t = useT();
  return (
    <thead className="bg-slate-100">
      <tr>
        {lead}
        <th className="px-3 py-2 font-semibold">{t("lake.browser.name")}</th>
        <th className="px-3 py-2 text-right font-semibold">{t("lake.browser.size")}</th>
        <th className="px-3 py-2 font-semibold">{t("lake.browser.modified")}</th>
      </tr>
    </thead>
  );
}

/** One object's cells under ObjectTableHead: its name (a link to its page, then `badge`), size and modification time. */
export function ObjectCells({ bucket, object, badge }: { bucket: string; object: ObjectEntry; badge?: ReactNode }) {
  const locale = useLocale();
  return (
    <>
      <td className="px-3 py-1.5">
        <Link href={lakeHref.object(bucket, object.key)} className="font-mono break-all text-sky-800 underline">
          {object.name}
        </Link>
        {badge}
      </td>
      <td className="px-3 py-1.5 text-right whitespace-nowrap tabular-nums">{formatBytes(locale, object.size)}</td>
      <td className="px-3 py-1.5 whitespace-nowrap">{formatDateTime(locale, object.lastModified)}</td>
    </>
  );
}
