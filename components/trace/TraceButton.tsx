"use client";

import { useRouter } from "next/navigation";
import { useCanOperate } from "@/components/auth/PrincipalProvider";
import { useT } from "@/components/i18n/I18nProvider";
import { Button } from "@/components/ui/Button";
import { ErrorNote } from "@/components/ui/QueryStates";
import { useStartTraceMutation } from "@/data/pipeline/use-start-trace";
import type { StartTraceInput } from "@/lib/pipeline/shared/trace";

/**
 * "Trace a change" in one click (for the overview and the trace page): starts a trace with the console's defaults
 * (or `input`) and opens its timeline. A viewer sees it disabled, with the reason.
 */
export function TraceButton({ input = {}, className = "" }: { input?: StartTraceInput; className?: string }) {
  const t = useT();
  const canOperate = useCanOperate();
  const router = useRouter();
  const start = useStartTraceMutation({ onSuccess: (trace) => router.push(`/trace/${trace.id}`) });
  return (
    <div className={`inline-flex flex-col gap-1 ${className}`}>
      <Button
        data-testid="trace-button"
        className="px-5 py-3 text-lg"
        disabled={!canOperate || start.isPending}
        title={canOperate ? undefined : t("trace.viewerNote")}
        onClick={() => start.mutate(input)}
      >
        {start.isPending ? t("trace.start.starting") : t("trace.button")}
      </Button>
      {!canOperate ? <span className="text-sm text-slate-700">{t("trace.viewerNote")}</span> : null}
      <ErrorNote error={start.error} className="max-w-xl text-base text-red-800" as="span" testId="trace-button-error" />
    </div>
  );
}
