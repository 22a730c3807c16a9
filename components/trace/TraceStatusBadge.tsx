"use client";

import { useT } from "@/components/i18n/I18nProvider";
import type { TraceStatus } from "@/lib/pipeline/shared/trace";

const STYLE: Record<TraceStatus, string> = {
  running: "bg-sky-100 text-sky-900 border-sky-400",
  completed: "bg-emerald-100 text-emerald-900 border-emerald-500",
  stopped: "bg-amber-100 text-amber-900 border-amber-500",
  failed: "bg-red-100 text-red-900 border-red-500",
  interrupted: "bg-slate-100 text-slate-900 border-slate-400",
};

export function TraceStatusBadge({ status }: { status: TraceStatus }) {
  const t = useT();
  return (
    <span data-testid="trace-status" data-status={status} className={`inline-block rounded-md border px-2 py-0.5 text-base font-semibold ${STYLE[status]}`}>
      {t(`trace.status.${status}`)}
    </span>
  );
}
