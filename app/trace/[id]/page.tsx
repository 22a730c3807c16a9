import type { Metadata } from "next";
import Link from "next/link";
import { TraceTimeline } from "@/components/trace/TraceTimeline";
import { getI18n } from "@/i18n/server";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const [{ t }, { id }] = await Promise.all([getI18n(), params]);
  return { title: t("trace.detail.title", { id }) };
}

/** One trace's timeline, live while it runs (polled every second). */
export default async function TraceDetailPage({ params }: { params: Promise<{ id: string }> }) {
  const [{ t }, { id }] = await Promise.all([getI18n(), params]);
  return (
    <div className="space-y-4">
      <Link href="/trace" className="text-lg text-sky-800 underline">
        ← {t("trace.detail.back")}
      </Link>
      <TraceTimeline id={id} />
    </div>
  );
}
