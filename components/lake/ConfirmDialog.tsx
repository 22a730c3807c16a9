"use client";

import { useEffect, type ReactNode } from "react";
import { useT } from "@/components/i18n/I18nProvider";
import { Button } from "@/components/ui/Button";

/**
 * A modal confirmation for destructive actions: states what goes (the body), and offers cancel (focused first)
 * and a red confirm button. Escape cancels.
 */
export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  onConfirm,
  onCancel,
  busy = false,
  confirmDisabled = false,
  error = null,
  testId,
}: {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  busy?: boolean;
  confirmDisabled?: boolean;
  error?: string | null;
  testId?: string;
}) {
  const t = useT();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape" && !busy) onCancel();
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [busy, onCancel]);

  return (
    <div className="fixed inset-0 z-50 flex items-center justify-center bg-slate-900/40 p-4">
      <div role="dialog" aria-modal="true" aria-labelledby="lake-confirm-title" data-testid={testId} className="w-full max-w-lg rounded-lg border border-slate-300 bg-white p-5 shadow-xl">
        <h2 id="lake-confirm-title" className="text-lg font-bold text-slate-900">
          {title}
        </h2>
        <div className="mt-2 text-slate-800">{children}</div>
        {error ? (
          <p role="alert" className="mt-3 rounded border border-red-300 bg-red-50 p-2 text-sm text-red-900">
            {error}
          </p>
        ) : null}
        <div className="mt-5 flex justify-end gap-2">
          <Button autoFocus variant="ghost" onClick={onCancel} disabled={busy}>
            {t("lake.common.cancel")}
          </Button>
          <Button className="bg-red-700 hover:bg-red-800" onClick={onConfirm} disabled={busy || confirmDisabled}>
            {busy ? t("lake.common.working") : confirmLabel}
          </Button>
        </div>
      </div>
    </div>
  );
}
