"use client";

import { useErrorText, useT } from "@/components/i18n/I18nProvider";
import { Button } from "./Button";

/** The loading state of a list or panel: skeleton rows, with the label for screen readers. */
export function LoadingRows({ label, rows = 3, rowClassName = "h-10" }: { label: string; rows?: number; rowClassName?: string }) {
  return (
    <div role="status" aria-live="polite" className="space-y-2">
      <span className="sr-only">{label}</span>
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} aria-hidden="true" className={`${rowClassName} animate-pulse rounded bg-slate-200`} />
      ))}
    </div>
  );
}

/** The part of a query (TanStack Query's result) that its error state reads and retries. */
interface FailedQuery {
  error: unknown;
  isFetching: boolean;
  refetch: () => Promise<unknown>;
}

/**
 * The error state before any data: what failed, the real cause from the server, and a retry of the query.
 * A `title` given as a function carries the cause itself (a catalog string with {message}); it is not repeated below.
 */
export function LoadError({ title, query }: { title: string | ((cause: string) => string); query: FailedQuery }) {
  const t = useT();
  const errorText = useErrorText();
  const cause = errorText(query.error);
  return (
    <div role="alert" className="rounded-lg border border-red-300 bg-red-50 p-4">
      <p className="font-semibold text-red-900">{typeof title === "function" ? title(cause) : title}</p>
      {typeof title === "function" ? null : <p className="mt-1 break-words text-red-900">{cause}</p>}
      <Button className="mt-3" onClick={() => void query.refetch()} disabled={query.isFetching}>
        {query.isFetching ? t("common.loading") : t("common.retry")}
      </Button>
    </div>
  );
}

/**
 * An error shown in place (a failed mutation, a refresh that failed over data still shown): nothing while there is
 * none; `text` puts the cause in a catalog sentence ({message}).
 */
export function ErrorNote({ error, text, className, as: Tag = "p", testId }: { error: unknown; text?: (cause: string) => string; className: string; as?: "p" | "span"; testId?: string }) {
  const errorText = useErrorText();
  if (error === null || error === undefined) return null;
  const cause = errorText(error);
  return (
    <Tag role="alert" data-testid={testId} className={className}>
      {text ? text(cause) : cause}
    </Tag>
  );
}
