"use client";

import { useErrorText, useT } from "@/components/i18n/I18nProvider";
import { Button } from "./Button";

/** The loading state of a list or panel: skeleton rows, with the label for screen readers. */
export function LoadingRows({ label, rows = 3, rowClassName = "h-10" }: { label: string; rows?: number; rowClassName?: string }) {
  return (
    <div role="status" aria-live="polite" className="space-y-2">
      <span className="sr-only">{label}</span>
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} aria-hidden="true" className={`${rowClassName} animate-pulse rounded bg-slate-200`} />
      ))}
    </div>
  );
}

/**
 * The error state before any data: what failed, the real cause from the server, and a retry.
 * `showCause={false}` when the title already carries the cause (a catalog string with {message}).
 */
export function LoadError({ title, error, onRetry, retrying, showCause = true }: { title: string; error: unknown; onRetry: () => void; retrying: boolean; showCause?: boolean }) {
  const t = useT();
  const errorText = useErrorText();
  return (
    <div role="alert" className="rounded-lg border border-red-300 bg-red-50 p-4">
      <p className="font-semibold text-red-900">{title}</p>
      {showCause ? <p className="mt-1 break-words text-red-900">{errorText(error) || t("common.unknownError")}</p> : null}
      <Button className="mt-3" onClick={onRetry} disabled={retrying}>
        {retrying ? t("common.loading") : t("common.retry")}
      </Button>
    </div>
  );
}
