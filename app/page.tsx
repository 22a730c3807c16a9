import { Suspense } from "react";
import { ChecklistPanel } from "@/components/checklist/ChecklistPanel";
import { DoctorLink } from "@/components/database/DoctorLink";
import { PipelineOverview } from "@/components/overview/PipelineOverview";
import { TraceButton } from "@/components/trace/TraceButton";
import { getI18n } from "@/i18n/server";
import { AreaPage } from "@/app/area-page";

export default async function OverviewPage() {
  const { t } = await getI18n();
  return (
    <AreaPage area="overview" layout="lede" spacing="space-y-10">
      <section aria-labelledby="pipeline-title">
        <h2 id="pipeline-title" className="mb-3 text-2xl font-bold text-slate-900">
          {t("overview.pipelineTitle")}
        </h2>
        <PipelineOverview />
        <div className="mt-4 flex flex-wrap items-start gap-6">
          <TraceButton />
          <DoctorLink label={t("database.doctor.openDoctor")} />
        </div>
      </section>

      <section id="checklist-section" aria-labelledby="checklist-title">
        <h2 id="checklist-title" className="text-2xl font-bold text-slate-900">
          {t("checklist.title")}
        </h2>
        <p className="mt-1 max-w-4xl text-base text-slate-700">{t("checklist.intro")}</p>
        <div className="mt-4">
          <Suspense fallback={<p className="text-base text-slate-700">{t("checklist.loading")}</p>}>
            <ChecklistPanel />
          </Suspense>
        </div>
      </section>
    </AreaPage>
  );
}
