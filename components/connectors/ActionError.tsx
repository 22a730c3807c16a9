"use client";

import { ErrorNote } from "@/components/ui/QueryStates";

/** The cause of a failed action as the server (and Connect) stated it. */
export function ActionError({ error }: { error: unknown }) {
  return <ErrorNote error={error} className="mt-2 rounded border border-red-300 bg-red-50 p-2 text-sm break-words text-red-900" testId="action-error" />;
}
