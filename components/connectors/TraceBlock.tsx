"use client";

import { useT } from "@/components/i18n/I18nProvider";
import type { TraceView } from "@/lib/connect/shared/types";

/** A Java trace for people: what happened, the root cause, and the full trace folded away. */
export function TraceBlock({ trace, testId }: { trace: TraceView; testId?: string }) {
  const t = useT();
  return (
    <div className="mt-2 rounded border border-red-300 bg-red-50 p-3 text-sm" data-testid={testId}>
      <p className="font-semibold break-words text-red-900">{trace.summary}</p>
      {trace.summary !== trace.firstLine ? <p className="font-mono text-xs break-words text-red-800">{trace.firstLine.slice(0, trace.firstLine.length - trace.summary.length).replace(/:\s*$/, "")}</p> : null}
      {trace.rootCause && trace.rootCause !== trace.firstLine ? (
        <p className="mt-1 break-words text-red-900">
          <span className="font-semibold">{t("connectors.detail.rootCause")}</span> {trace.rootCause}
        </p>
      ) : null}
      <details className="mt-2">
        <summary className="cursor-pointer text-red-900 underline">{t("connectors.detail.fullTrace")}</summary>
        <pre className="mt-2 max-h-96 overflow-auto whitespace-pre-wrap break-all rounded bg-white p-2 font-mono text-xs text-slate-800">{trace.full}</pre>
      </details>
    </div>
  );
}
