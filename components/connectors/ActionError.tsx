"use client";

import { useT } from "@/components/i18n/I18nProvider";
import { errorMessage } from "@/data/http-error";

/** The cause of a failed action as the server (and Connect) stated it. */
export function ActionError({ error }: { error: unknown }) {
  const t = useT();
  if (!error) return null;
  return (
    <p role="alert" className="mt-2 rounded border border-red-300 bg-red-50 p-2 text-sm break-words text-red-900" data-testid="action-error">
      {errorMessage(error) ?? t("common.unknownError")}
    </p>
  );
}
