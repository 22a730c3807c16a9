"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useT } from "@/components/i18n/I18nProvider";
import { isActive, NAV_ITEMS } from "./nav-items";

export function NavLinks() {
  const t = useT();
  const pathname = usePathname() ?? "/";
  return (
    <nav aria-label={t("nav.label")}>
      <ul className="flex flex-wrap gap-1">
        {NAV_ITEMS.map((item) => {
          const active = isActive(pathname, item.href);
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={active ? "page" : undefined}
                className={`block rounded-md px-3 py-2 text-base font-semibold transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-300 ${
                  active ? "bg-white text-slate-900" : "text-slate-200 hover:bg-slate-700 hover:text-white"
                }`}
              >
                {t(item.label)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
