"use client";

import { useEffect, useId, useState, type ReactNode } from "react";
import { useErrorText, useT } from "@/components/i18n/I18nProvider";
import { Button } from "@/components/ui/Button";
import { useConnectorUsageQuery } from "@/data/connectors/use-connector-usage";
import type { UsageTarget } from "@/lib/connect/shared/usage-match";

/**
 * The one confirmation of the console's destructive actions (connectors, topics, buckets, prefixes, objects,
 * offsets): a modal that states what goes, names the connectors configured to write into or read from it
 * (`usage`), and — for what loses data — asks for its name typed (`typeToConfirm`). Cancel is focused first;
 * Escape cancels.
 */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  onConfirm,
  onCancel,
  mutation,
  busy = mutation?.isPending ?? false,
  confirmDisabled = false,
  error = mutation?.error ?? null,
  typeToConfirm,
  usage,
  testId,
}: {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  /** The mutation the dialog confirms: busy while it runs, its error shown, reset when the person cancels. */
  mutation?: { isPending: boolean; error: unknown; reset: () => void };
  busy?: boolean;
  confirmDisabled?: boolean;
  /** Text, or an error to render in the reader's language. */
  error?: unknown;
  /** The name the person must type before confirming. */
  typeToConfirm?: string;
  /** Ask which connectors point at this bucket or topic, and name them. */
  usage?: UsageTarget;
  testId?: string;
}) {
  const t = useT();
  const errorText = useErrorText();
  const titleId = useId();
  const inputId = useId();
  const [typed, setTyped] = useState("");
  const nameOk = typeToConfirm === undefined || typed === typeToConfirm;
  const cancel = () => {
    mutation?.reset();
    onCancel();
  };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape" && !busy) cancel();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  });
  const message = typeof error === "string" ? error : error ? errorText(error) : null;

  return (
    <div className="fixed inset-0 z-50 flex items-center justify-center bg-slate-900/40 p-4">
      <form
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        data-testid={testId ?? "confirm-dialog"}
        className="w-full max-w-lg rounded-lg border border-slate-300 bg-white p-5 shadow-xl"
        onSubmit={(e) => {
          e.preventDefault();
          if (nameOk && !busy && !confirmDisabled) onConfirm();
        }}
      >
        <h2 id={titleId} className="text-lg font-bold text-slate-900">
          {title}
        </h2>
        <div className="mt-2 text-slate-800">{children}</div>
        {usage ? <ConnectorUsers target={usage} /> : null}
        {typeToConfirm !== undefined ? (
          <div className="mt-3">
            <label htmlFor={inputId} className="block text-sm font-medium text-red-900">
              {t("confirm.typeName", { name: typeToConfirm })}
            </label>
            <input
              id={inputId}
              value={typed}
              onChange={(e) => setTyped(e.target.value)}
              autoComplete="off"
              spellCheck={false}
              data-testid="confirm-type"
              className="mt-1 w-full rounded border border-red-400 px-2 py-1 font-mono"
            />
            <p className="mt-1 text-xs text-slate-600">{t("confirm.typeNameHint")}</p>
          </div>
        ) : null}
        {message ? (
          <p role="alert" className="mt-3 rounded border border-red-300 bg-red-50 p-2 text-sm text-red-900">
            {message}
          </p>
        ) : null}
        <div className="mt-5 flex justify-end gap-2">
          <Button autoFocus variant="ghost" onClick={cancel} disabled={busy}>
            {t("confirm.cancel")}
          </Button>
          <Button type="submit" className="bg-red-700 hover:bg-red-800" disabled={busy || confirmDisabled || !nameOk} data-testid="confirm-submit">
            {busy ? t("confirm.working") : confirmLabel}
          </Button>
        </div>
      </form>
    </div>
  );
}

/** The connectors whose config points at the target, with what they do there and the key that says so. */
function ConnectorUsers({ target }: { target: UsageTarget }) {
  const t = useT();
  const errorText = useErrorText();
  const query = useConnectorUsageQuery(target);
  const name = "bucket" in target ? target.bucket : target.topic;
  if (query.isPending) return <p className="mt-2 text-sm text-slate-600">{t("confirm.usersLoading", { target: name })}</p>;
  if (query.isError) return <p className="mt-2 text-sm text-amber-800">{t("confirm.usersError", { target: name, message: errorText(query.error) })}</p>;
  const users = query.data.connectors;
  if (users.length === 0) return <p className="mt-2 text-sm text-slate-600" data-testid="confirm-users" data-count={0}>{t("confirm.usersNone", { target: name })}</p>;
  return (
    <div className="mt-3 rounded border border-amber-400 bg-amber-50 p-2 text-sm text-amber-950" data-testid="confirm-users" data-count={users.length}>
      <p className="font-semibold">{t("confirm.usersHeading", { target: name })}</p>
      <ul className="mt-1 list-disc pl-5">
        {users.map((u) => (
          <li key={`${u.cluster}/${u.name}`} data-connector={u.name}>
            <span className="font-mono font-semibold">{u.name}</span> ({u.state ?? "?"}) — {t(`confirm.roles.${u.role}`)}, {t("confirm.via", { key: u.via })}
          </li>
        ))}
      </ul>
      <p className="mt-1">{t("confirm.usersWarning")}</p>
    </div>
  );
}
