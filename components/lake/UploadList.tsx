"use client";

import { useErrorText, useLocale, useT } from "@/components/i18n/I18nProvider";
import { Button } from "@/components/ui/Button";
import type { useUploadQueue } from "@/data/lake/use-upload-queue";
import { formatBytes } from "@/components/ui/format";

/** Per-file upload progress, with cancel for running files and clear for finished ones. */
export function UploadList({ uploads }: { uploads: ReturnType<typeof useUploadQueue> }) {
  const t = useT();
  const locale = useLocale();
  const errorText = useErrorText();
  if (uploads.items.length === 0) return null;
  const finished = uploads.items.some((it) => it.status !== "queued" && it.status !== "uploading");
  return (
    <section aria-label={t("lake.upload.heading")} className="space-y-1 rounded border border-slate-300 bg-slate-50 p-2" data-testid="lake-uploads">
      {uploads.items.map((it) => {
        const pct = it.size === 0 ? (it.status === "done" ? 100 : 0) : Math.round((it.sent / it.size) * 100);
        return (
          <div key={it.id} className="grid grid-cols-[minmax(0,1fr)_12rem_auto] items-center gap-3 text-sm" data-testid="lake-upload" data-status={it.status}>
            <span className="truncate font-mono" title={it.key}>
              {it.key}
            </span>
            <span className="flex items-center gap-2">
              <progress max={100} value={pct} aria-label={t("lake.upload.progressLabel", { name: it.name })} className="h-2 w-24" />
              <span className="tabular-nums">{t("lake.upload.progress", { sent: formatBytes(locale, Math.min(it.sent, it.size)), size: formatBytes(locale, it.size) })}</span>
            </span>
            <span className="flex items-center gap-2">
              <span className={it.status === "error" ? "font-semibold text-red-800" : it.status === "done" ? "text-emerald-800" : "text-slate-700"}>
                {t(`lake.upload.status.${it.status}`)}
              </span>
              {it.status === "queued" || it.status === "uploading" ? (
                <Button variant="ghost" onClick={() => uploads.cancel(it.id)}>
                  {t("lake.common.cancel")}
                </Button>
              ) : null}
            </span>
            {it.error != null ? (
              <span role="alert" className="col-span-3 text-red-800">
                {errorText(it.error)}
              </span>
            ) : null}
          </div>
        );
      })}
      {finished ? (
        <Button variant="ghost" onClick={uploads.clearFinished}>
          {t("lake.upload.clear")}
        </Button>
      ) : null}
    </section>
  );
}
