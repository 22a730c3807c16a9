"use client";

import { useState, type FormEvent } from "react";
import { useT } from "@/components/i18n/I18nProvider";
import { Button } from "@/components/ui/Button";
import { safeNextPath } from "@/lib/auth/shared/next-path";

export function LoginForm({ next }: { next: string }) {
  const t = useT();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    const form = new FormData(e.currentTarget);
    try {
      const res = await fetch("/api/auth/login", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ user: form.get("user"), password: form.get("password") }),
      });
      if (res.ok) {
        // A full navigation so the server renders the shell with the new session.
        window.location.assign(safeNextPath(next));
        return;
      }
      const body = (await res.json().catch(() => null)) as { error?: { retryAfter?: number } } | null;
      setError(res.status === 429 ? t("auth.rateLimited", { seconds: String(body?.error?.retryAfter ?? 60) }) : t("auth.badCredentials"));
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} className="mt-6 space-y-4">
      <label className="block">
        <span className="text-sm font-semibold">{t("auth.user")}</span>
        <input name="user" autoComplete="username" required className="mt-1 w-full rounded border border-slate-400 px-3 py-2" />
      </label>
      <label className="block">
        <span className="text-sm font-semibold">{t("auth.password")}</span>
        <input name="password" type="password" autoComplete="current-password" required className="mt-1 w-full rounded border border-slate-400 px-3 py-2" />
      </label>
      {error ? (
        <p role="alert" className="rounded bg-red-50 p-2 text-sm text-red-800">
          {error}
        </p>
      ) : null}
      <Button type="submit" disabled={busy} className="w-full py-2">
        {busy ? t("auth.submitting") : t("auth.submit")}
      </Button>
    </form>
  );
}
