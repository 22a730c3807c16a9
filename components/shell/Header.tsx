import Link from "next/link";
import { LocaleToggle } from "@/components/i18n/LocaleToggle";
import { UserMenu } from "@/components/auth/UserMenu";
import type { Principal } from "@/lib/auth/shared/principal";
import type { Translate } from "@/i18n/format";
import { NavLinks } from "./NavLinks";
import { PresentationToggle } from "./PresentationToggle";

export function Header({ t, principal, presentation = false }: { t: Translate; principal: Principal | null; presentation?: boolean }) {
  return (
    <header className="site-header bg-slate-900 text-white">
      <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link
          href="/"
          className="flex items-center gap-2 text-xl font-bold tracking-tight focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-300"
        >
          <span aria-hidden="true" className="inline-block size-3 rounded-sm bg-sky-400" />
          {t("app.name")}
        </Link>
        <NavLinks />
        <div className="ml-auto flex items-center gap-4">
          {principal ? <UserMenu user={principal.user} role={principal.role} authenticated={principal.authenticated} /> : null}
          <PresentationToggle initial={presentation} />
          <LocaleToggle />
        </div>
      </div>
    </header>
  );
}
