import type { MessageKey } from "@/i18n/format";

export interface NavItem {
  href: "/" | "/connectors" | "/topics" | "/lake" | "/database" | "/generators" | "/audit" | "/sql" | "/trace";
  label: MessageKey;
}

export const NAV_ITEMS: readonly NavItem[] = [
  { href: "/", label: "nav.overview" },
  { href: "/connectors", label: "nav.connectors" },
  { href: "/topics", label: "nav.topics" },
  { href: "/lake", label: "nav.lake" },
  { href: "/sql", label: "nav.sql" },
  { href: "/database", label: "nav.database" },
  { href: "/generators", label: "nav.generators" },
  { href: "/trace", label: "nav.trace" },
  { href: "/audit", label: "nav.audit" },
];

export function isActive(pathname: string, href: string): boolean {
  if (href === "/") return pathname === "/";
  return pathname === href || pathname.startsWith(`${href}/`);
}
