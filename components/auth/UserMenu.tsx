"use client";

import { useState } from "react";
import { useT } from "@/components/i18n/I18nProvider";
import type { Role } from "@/lib/auth/shared/principal";

/** Who is signed in, and a sign-out button (only for real sessions; the local operator has none). */
export function UserMenu({ user, role, authenticated }: { user: string; role: Role; authenticated: boolean }) {
  const t = useT();
  const [busy, setBusy] = useState(false);
  const label = authenticated ? t("auth.signedInAs", { user, role: t(`auth.roles.${role}`) }) : t("auth.localOperator");
  return (
    <div className="flex items-center gap-2 text-sm text-slate-200" data-testid="user-menu" data-role={role}>
      <span>{label}</span>
      {authenticated ? (
        <button
          type="button"
          disabled={busy}
          className="rounded border border-slate-500 px-2 py-1 hover:bg-slate-700"
          onClick={async () => {
            setBusy(true);
            await fetch("/api/auth/logout", { method: "POST" }).catch(() => undefined);
            // A full page load on purpose: nothing of the old session stays in the client cache.
            // eslint-disable-next-line @next/next/no-location-assign-relative-destination
            window.location.assign("/login");
          }}
        >
          {t("auth.logout")}
        </button>
      ) : null}
    </div>
  );
}
