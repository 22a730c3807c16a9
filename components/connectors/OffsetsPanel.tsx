"use client";

import { useCanOperate } from "@/components/auth/PrincipalProvider";
import { useId, useState } from "react";
import { useErrorText, useT } from "@/components/i18n/I18nProvider";
import { Button } from "@/components/ui/Button";
import { ConfirmDialog } from "@/components/ui/ConfirmDialog";
import { useConnectorLifecycleMutation } from "@/data/connectors/use-connector-lifecycle";
import { useAlterOffsetsMutation } from "@/data/connectors/use-alter-offsets";
import { useConnectorOffsetsQuery } from "@/data/connectors/use-connector-offsets";
import type { ConnectorType, OffsetEntry } from "@/lib/connect/shared/types";
import { ActionError } from "./ActionError";

/** KIP-875 offsets: view always; reset and alter only while STOPPED (and the panel offers to stop). */
export function OffsetsPanel({ cluster, name, type }: { cluster: string; name: string; type: ConnectorType }) {
  const t = useT();
  const errorText = useErrorText();
  const id = useId();
  const canOperate = useCanOperate();
  const query = useConnectorOffsetsQuery(cluster, name);
  const stop = useConnectorLifecycleMutation(cluster, name, "stop");
  const resume = useConnectorLifecycleMutation(cluster, name, "resume");
  const reset = useConnectorLifecycleMutation(cluster, name, "reset-offsets");
  const alter = useAlterOffsetsMutation(cluster, name);
  const [confirmReset, setConfirmReset] = useState(false);
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState("");
  const [jsonError, setJsonError] = useState<string | null>(null);
  const stopped = query.data?.state === "STOPPED";

  function submitAlter() {
    let offsets: OffsetEntry[];
    try {
      const value = JSON.parse(text) as unknown;
      offsets = (Array.isArray(value) ? value : (value as { offsets: OffsetEntry[] }).offsets) as OffsetEntry[];
      if (!Array.isArray(offsets)) throw new Error(t("connectors.offsets.alterShape"));
    } catch (e) {
      setJsonError((e as Error).message);
      return;
    }
    setJsonError(null);
    alter.mutate(offsets, { onSuccess: () => setEditing(false) });
  }

  return (
    <section aria-labelledby={`${id}-title`} className="rounded-lg border border-slate-300 bg-white p-4" data-testid="offsets-panel">
      <h2 id={`${id}-title`} className="text-lg font-semibold">
        {t("connectors.offsets.title")}
      </h2>
      {query.isPending ? (
        <p role="status" className="mt-2 text-sm text-slate-600">
          {t("common.loading")}
        </p>
      ) : query.isError && !query.data ? (
        <div role="alert" className="mt-2 text-sm text-red-900">
          <p>{errorText(query.error)}</p>
          <Button className="mt-2" onClick={() => void query.refetch()}>
            {t("common.retry")}
          </Button>
        </div>
      ) : (
        <>
          {query.data.offsets.length === 0 ? (
            <p className="mt-2 text-sm text-slate-600" data-testid="offsets-empty">
              {t("connectors.offsets.empty")}
            </p>
          ) : (
            <pre className="mt-2 max-h-64 overflow-auto rounded bg-slate-50 p-2 font-mono text-xs" data-testid="offsets-json">
              {JSON.stringify(query.data.offsets, null, 2)}
            </pre>
          )}
          {!canOperate ? null : !stopped ? (
            <div className="mt-3 rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900" data-testid="offsets-need-stop">
              <p>{t("connectors.offsets.needsStop", { state: query.data.state })}</p>
              <Button className="mt-2" onClick={() => stop.mutate()} disabled={stop.isPending} data-testid="offsets-stop">
                {t("connectors.offsets.stopFirst")}
              </Button>
              <ActionError error={stop.error} />
            </div>
          ) : (
            <div className="mt-3 space-y-2">
              <p className="text-sm text-slate-700">{t(type === "sink" ? "connectors.offsets.resetSinkHelp" : "connectors.offsets.resetSourceHelp")}</p>
              <div className="flex flex-wrap gap-2">
                <Button onClick={() => setConfirmReset(true)} data-testid="offsets-reset">
                  {t("connectors.offsets.reset")}
                </Button>
                {confirmReset ? (
                  <ConfirmDialog
                    testId="offsets-reset-dialog"
                    title={t("connectors.offsets.reset")}
                    confirmLabel={t("connectors.offsets.resetConfirm", { name })}
                    busy={reset.isPending}
                    onCancel={() => setConfirmReset(false)}
                    onConfirm={() => reset.mutate(undefined, { onSettled: () => setConfirmReset(false) })}
                  >
                    <p>{t(type === "sink" ? "connectors.offsets.resetSinkHelp" : "connectors.offsets.resetSourceHelp")}</p>
                  </ConfirmDialog>
                ) : null}
                <Button
                  variant="ghost"
                  className="border border-slate-400"
                  onClick={() => {
                    setText(JSON.stringify(query.data.offsets, null, 2));
                    setEditing(true);
                  }}
                  data-testid="offsets-alter"
                >
                  {t("connectors.offsets.alter")}
                </Button>
                <Button variant="ghost" className="border border-slate-400" onClick={() => resume.mutate()} disabled={resume.isPending} data-testid="offsets-resume">
                  {t("connectors.actions.resume")}
                </Button>
              </div>
              {reset.data?.message ? <p className="text-sm text-emerald-900">{reset.data.message}</p> : null}
              {alter.data?.message ? <p className="text-sm text-emerald-900">{alter.data.message}</p> : null}
              {editing ? (
                <div className="space-y-2">
                  <label htmlFor={`${id}-alter`} className="text-sm text-slate-700">
                    {t("connectors.offsets.alterHelp")}
                  </label>
                  <textarea id={`${id}-alter`} rows={10} value={text} onChange={(e) => setText(e.target.value)} spellCheck={false} className="w-full rounded border border-slate-400 p-2 font-mono text-xs" />
                  {jsonError ? <p role="alert" className="text-sm text-red-800">{jsonError}</p> : null}
                  <div className="flex gap-2">
                    <Button onClick={submitAlter} disabled={alter.isPending}>
                      {t("connectors.offsets.alterSave")}
                    </Button>
                    <Button variant="ghost" onClick={() => setEditing(false)}>
                      {t("connectors.config.cancel")}
                    </Button>
                  </div>
                </div>
              ) : null}
              <ActionError error={reset.error ?? alter.error ?? resume.error} />
            </div>
          )}
        </>
      )}
    </section>
  );
}
