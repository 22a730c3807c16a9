// One area page's frame: its <title>, its heading and intro, and the note a viewer (not an operator) reads under
// them; the area's own parts follow. Every area's page.tsx is this frame around its components.
import type { Metadata } from "next";
import type { ReactNode } from "react";
import { currentPrincipal } from "@/lib/auth/server";
import { getI18n } from "@/i18n/server";
import type { MessageKey } from "@/i18n/format";

type Area = "database" | "generators" | "lake" | "overview" | "sql" | "topics" | "trace";

/** A page's `generateMetadata` whose title is one message (an area's: its heading's text, "<area>.title"). */
export function titleMetadata(key: MessageKey): () => Promise<Metadata> {
  return async () => ({ title: (await getI18n()).t(key) });
}

interface AreaPageProps {
  area: Area;
  /**
   * "lede": a larger intro in its own section, the parts below it spaced apart (the overview, the consoles);
   * "panel" (the default): heading, intro and parts in one section.
   */
  layout?: "lede" | "panel";
  /** Under the intro, shown only to a viewer: what this page leaves to an operator. */
  viewerNote?: MessageKey;
  /** Under the intro, for everyone (e.g. the trace button). */
  aside?: ReactNode;
  /** The outer element's vertical spacing, where the default (space-y-6 for "lede", space-y-4 for "panel") is not it. */
  spacing?: string;
  children: ReactNode;
}

export async function AreaPage({ area, layout = "panel", viewerNote, aside, spacing, children }: AreaPageProps) {
  const [{ t }, principal] = await Promise.all([getI18n(), viewerNote ? currentPrincipal() : null]);
  const lede = layout === "lede";
  const note =
    viewerNote && principal?.role !== "operator" ? (
      <p className={lede ? "mt-3 rounded bg-amber-50 p-2 text-base text-amber-900" : "text-sm text-slate-600"}>{t(viewerNote)}</p>
    ) : null;
  const heading = (
    <>
      <h1 className="text-3xl font-bold text-slate-900">{t(`${area}.title`)}</h1>
      <p className={lede ? "mt-2 max-w-4xl text-lg leading-relaxed text-slate-800" : "max-w-3xl text-slate-800"}>{t(`${area}.intro`)}</p>
      {note}
      {aside}
    </>
  );
  if (!lede) {
    return (
      <section className={spacing ?? "space-y-4"}>
        {heading}
        {children}
      </section>
    );
  }
  return (
    <div className={spacing ?? "space-y-6"}>
      <section>{heading}</section>
      {children}
    </div>
  );
}
