"use client";

import { useErrorText, useT } from "@/components/i18n/I18nProvider";

/** The cause of a failed action as the server (and Connect) stated it. */
export function ActionError({ error }: { error: unknown }) {
  const t = useT();
  const errorText = useErrorText();
  if (!error) return null;
  return (
    <p role="alert" className="mt-2 rounded border border-red-300 bg-red-50 p-2 text-sm break-words text-red-900" data-testid="action-error">
      {errorText(error) || t("common.unknownError")}
    </p>
  );
}
