"use client";

import { useEffect } from "react";
import { useT } from "@/components/i18n/I18nProvider";
import { Button } from "@/components/ui/Button";

export interface RouteErrorProps {
  error: unknown;
  /** Clears the boundary and re-renders its children. */
  reset: () => void;
  /** Next.js 16: refreshes the server components, then resets. Preferred when present. */
  retry?: () => void;
}

/** Body of every route's error.tsx: the real message (and digest, for server errors) plus a retry button. */
export function RouteError({ error, reset, retry }: RouteErrorProps) {
  const t = useT();
  useEffect(() => {
    console.error(error);
  }, [error]);

  const digest =
    error !== null && typeof error === "object" && typeof (error as { digest?: unknown }).digest === "string"
      ? (error as { digest: string }).digest
      : null;
  // In production Next.js replaces a server component's error message with a generic one; say so instead.
  const message =
    digest && process.env.NODE_ENV === "production"
      ? t("routeError.serverDetailsHidden")
      : error instanceof Error && error.message
        ? error.message
        : t("common.unknownError");

  return (
    <div role="alert" className="max-w-3xl rounded-lg border border-red-300 bg-red-50 p-5">
      <h1 className="text-2xl font-bold text-red-900">{t("routeError.title")}</h1>
      <p className="mt-2 text-base break-words text-red-900">{message}</p>
      {digest ? <p className="mt-1 text-sm text-red-800">{t("common.errorReference", { digest })}</p> : null}
      <Button className="mt-4" onClick={() => (retry ?? reset)()}>
        {t("common.retry")}
      </Button>
    </div>
  );
}
