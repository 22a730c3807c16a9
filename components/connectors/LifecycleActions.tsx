"use client";

import { useState } from "react";
import { useT } from "@/components/i18n/I18nProvider";
import { Button } from "@/components/ui/Button";
import { useConnectorLifecycleMutation } from "@/data/connectors/use-connector-lifecycle";
import type { ActionOutcome, ConnectorState } from "@/lib/connect/shared/types";
import { ActionError } from "./ActionError";

/**
 * Pause, resume, stop and restart. No optimistic state: after each action the page shows what the cluster
 * reports (the detail query is refetched; the badge changes when Connect says so).
 */
export function LifecycleActions({ cluster, name, state }: { cluster: string; name: string; state: ConnectorState }) {
  const t = useT();
  const pause = useConnectorLifecycleMutation(cluster, name, "pause");
  const resume = useConnectorLifecycleMutation(cluster, name, "resume");
  const stop = useConnectorLifecycleMutation(cluster, name, "stop");
  const restart = useConnectorLifecycleMutation(cluster, name, "restart");
  const [includeTasks, setIncludeTasks] = useState(true);
  const [onlyFailed, setOnlyFailed] = useState(false);
  const all = [pause, resume, stop, restart];
  const busy = all.some((m) => m.isPending);
  const last = all.filter((m) => m.submittedAt > 0).sort((a, b) => b.submittedAt - a.submittedAt)[0];
  const outcome = last?.data as ActionOutcome | undefined;

  return (
    <section aria-label={t("connectors.actions.label")} className="rounded-lg border border-slate-300 bg-white p-4">
      <div className="flex flex-wrap items-center gap-2">
        <Button onClick={() => pause.mutate()} disabled={busy || state !== "RUNNING"} data-testid="action-pause">
          {t("connectors.actions.pause")}
        </Button>
        <Button onClick={() => resume.mutate()} disabled={busy || (state !== "PAUSED" && state !== "STOPPED")} data-testid="action-resume">
          {t("connectors.actions.resume")}
        </Button>
        <Button onClick={() => stop.mutate()} disabled={busy || state === "STOPPED"} data-testid="action-stop">
          {t("connectors.actions.stop")}
        </Button>
        <span className="mx-2 h-6 w-px bg-slate-300" aria-hidden="true" />
        <Button onClick={() => restart.mutate({ includeTasks, onlyFailed })} disabled={busy} data-testid="action-restart">
          {t("connectors.actions.restart")}
        </Button>
        <label className="flex items-center gap-1 text-sm">
          <input type="checkbox" checked={includeTasks} onChange={(e) => setIncludeTasks(e.target.checked)} data-testid="restart-include-tasks" />
          {t("connectors.actions.includeTasks")}
        </label>
        <label className="flex items-center gap-1 text-sm">
          <input type="checkbox" checked={onlyFailed} onChange={(e) => setOnlyFailed(e.target.checked)} data-testid="restart-only-failed" />
          {t("connectors.actions.onlyFailed")}
        </label>
      </div>
      <div aria-live="polite" className="mt-2 text-sm text-slate-700">
        {busy ? t("connectors.actions.sending") : outcome && last?.isSuccess ? t("connectors.actions.reported", { state: outcome.state ?? "—" }) : null}
      </div>
      <ActionError error={last?.error} />
    </section>
  );
}
