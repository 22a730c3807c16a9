"use client";

import { useT } from "@/components/i18n/I18nProvider";

/** Skeleton shown by every route's loading.tsx while its server component renders. */
export function RouteLoading() {
  const t = useT();
  return (
    <div role="status" aria-live="polite" className="space-y-4">
      <span className="sr-only">{t("common.loading")}</span>
      <div aria-hidden="true" className="h-9 w-64 animate-pulse rounded bg-slate-200" />
      <div aria-hidden="true" className="h-5 w-full max-w-2xl animate-pulse rounded bg-slate-200" />
      <div aria-hidden="true" className="h-5 w-full max-w-xl animate-pulse rounded bg-slate-200" />
    </div>
  );
}
