"use client";

import { ErrorNote, LoadError, LoadingRows } from "@/components/ui/QueryStates";
import { useEffect, useRef, useState } from "react";
import { useLocale, useT } from "@/components/i18n/I18nProvider";
import { Button } from "@/components/ui/Button";
import { LATEST_REFRESH_MS, useLatestObjectsQuery } from "@/data/lake/use-latest-objects";
import { formatNumber, formatTime } from "@/components/ui/format";
import { ObjectCells, ObjectTableHead } from "./ObjectTable";

/**
 * The newest objects under the prefix, refreshed every 3 s while live, so a student sees the sink's files
 * arrive. Files that were not there on the previous refresh are marked new.
 */
export function LatestObjects({ bucket, prefix }: { bucket: string; prefix: string }) {
  const t = useT();
  const locale = useLocale();
  const [live, setLive] = useState(true);
  const query = useLatestObjectsQuery(bucket, prefix, live);
  const data = query.data;

  // Keys of the previous distinct result, to mark arrivals.
  const previous = useRef<Set<string> | null>(null);
  const [fresh, setFresh] = useState<Set<string>>(new Set());
  const lastScan = useRef<string | null>(null);
  useEffect(() => {
    if (!data || data.scannedAt === lastScan.current) return;
    lastScan.current = data.scannedAt;
    const keys = new Set(data.objects.map((o) => o.key));
    if (previous.current) {
      const before = previous.current;
      const arrived = [...keys].filter((k) => !before.has(k));
      if (arrived.length > 0) setFresh(new Set(arrived));
    }
    previous.current = keys;
  }, [data]);

  return (
    <div className="space-y-3 rounded-b-lg rounded-tr-lg border border-slate-300 bg-white p-3" data-testid="lake-latest">
      <div className="flex flex-wrap items-center gap-3">
        <span className={`inline-flex items-center gap-2 text-sm font-semibold ${live ? "text-emerald-800" : "text-slate-600"}`} role="status">
          <span aria-hidden="true" className={`size-2.5 rounded-full ${live ? "animate-pulse bg-emerald-600" : "bg-slate-400"}`} />
          {live ? t("lake.latest.live", { seconds: LATEST_REFRESH_MS / 1000 }) : t("lake.latest.paused")}
        </span>
        <Button variant="ghost" className="border border-slate-300" onClick={() => setLive((v) => !v)}>
          {live ? t("lake.latest.pause") : t("lake.latest.resume")}
        </Button>
        {data ? (
          <span className="text-sm text-slate-600" data-testid="lake-latest-scan">
            {t("lake.latest.scanned", { keys: formatNumber(locale, data.keysScanned), requests: data.requests, time: formatTime(locale, data.scannedAt) })}
          </span>
        ) : null}
      </div>
      <p className="text-sm text-slate-700">{t("lake.latest.explain")}</p>
      {data && data.path.length > 0 ? (
        <p className="text-sm">
          {t("lake.latest.path")} <span className="font-mono font-semibold">{data.path.at(-1)}</span>
        </p>
      ) : null}
      {data?.truncated ? <p className="text-sm text-amber-800">{t("lake.latest.truncated")}</p> : null}

      {query.isPending ? (
        <LoadingRows label={t("lake.latest.loading")} rows={3} rowClassName="h-8" />
      ) : query.isError && !data ? (
        <LoadError title={(message) => t("lake.latest.errorTitle", { message })} query={query} />
      ) : data && data.objects.length === 0 ? (
        <p className="rounded border border-dashed border-slate-400 p-6 text-center text-slate-700">{t("lake.latest.empty")}</p>
      ) : data ? (
        <>
          <ErrorNote error={query.error} text={(message) => t("lake.latest.stale", { message })} className="text-sm text-amber-800" />
          <table className="min-w-full text-left text-sm">
            <ObjectTableHead />
            <tbody>
              {data.objects.map((o) => (
                <tr key={o.key} className={`border-t border-slate-200 ${fresh.has(o.key) ? "bg-emerald-50" : ""}`} data-testid="lake-latest-object" data-key={o.key}>
                  <ObjectCells
                    bucket={bucket}
                    object={o}
                    badge={fresh.has(o.key) ? <span className="ml-2 rounded bg-emerald-700 px-1.5 py-0.5 text-xs font-bold text-white">{t("lake.latest.new")}</span> : null}
                  />
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </div>
  );
}
