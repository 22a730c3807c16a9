"use client";

import { useT } from "@/components/i18n/I18nProvider";
import type { RunStatus } from "@/lib/generators/shared/types";

const STYLES: Record<RunStatus | "idle", string> = {
  idle: "bg-slate-200 text-slate-900",
  running: "bg-emerald-100 text-emerald-900",
  stopping: "bg-amber-100 text-amber-900",
  finished: "bg-sky-100 text-sky-900",
  stopped: "bg-slate-200 text-slate-900",
  failed: "bg-red-100 text-red-900",
  interrupted: "bg-orange-100 text-orange-900",
};

export function StatusBadge({ status, testId }: { status: RunStatus | "idle"; testId?: string }) {
  const t = useT();
  return (
    <span data-testid={testId} data-status={status} className={`inline-block rounded-full px-2.5 py-0.5 text-sm font-semibold ${STYLES[status]}`}>
      {t(`generators.status.${status}`)}
    </span>
  );
}
