import type { Metadata } from "next";
import { StartTraceForm } from "@/components/trace/StartTraceForm";
import { TraceButton } from "@/components/trace/TraceButton";
import { TraceList } from "@/components/trace/TraceList";
import { getI18n } from "@/i18n/server";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t("trace.title") };
}

/** Trace a change: the start form (operator) and the stored traces (everyone). */
export default async function TracePage() {
  const { t } = await getI18n();
  return (
    <div className="space-y-6">
      <section>
        <h1 className="text-3xl font-bold text-slate-900">{t("trace.title")}</h1>
        <p className="mt-2 max-w-4xl text-lg leading-relaxed text-slate-800">{t("trace.intro")}</p>
        <TraceButton className="mt-4" />
      </section>
      <StartTraceForm />
      <TraceList />
    </div>
  );
}
