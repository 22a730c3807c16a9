"use client";

import { useT } from "@/components/i18n/I18nProvider";
import type { ConnectorState } from "@/lib/connect/shared/types";

const STYLE: Record<ConnectorState, string> = {
  RUNNING: "bg-emerald-100 text-emerald-900 ring-emerald-300",
  PAUSED: "bg-amber-100 text-amber-900 ring-amber-300",
  STOPPED: "bg-slate-200 text-slate-800 ring-slate-400",
  FAILED: "bg-red-100 text-red-900 ring-red-300",
  UNASSIGNED: "bg-slate-100 text-slate-700 ring-slate-300",
  RESTARTING: "bg-sky-100 text-sky-900 ring-sky-300",
  UNKNOWN: "bg-slate-100 text-slate-700 ring-slate-300",
};

/** Connect's own state word (students see the same in curl), with a translated explanation on hover. */
export function StateBadge({ state, testId }: { state: ConnectorState; testId?: string }) {
  const t = useT();
  return (
    <span
      data-testid={testId}
      data-state={state}
      title={t(`connectors.stateHelp.${state}`)}
      className={`inline-block rounded px-2 py-0.5 font-mono text-xs font-semibold ring-1 ${STYLE[state]}`}
    >
      {t(`connectors.states.${state}`)}
    </span>
  );
}
