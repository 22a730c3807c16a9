import { DoctorLink } from "@/components/database/DoctorLink";
import { PipelineOverview } from "@/components/overview/PipelineOverview";
import { getI18n } from "@/i18n/server";

/** The course's checklist, in order (SEED.md). */
const CHECKLIST = ["stackUp", "buckets", "historical", "cdc", "streaming", "dbt", "spark", "fraud", "airflow"] as const;

export default async function OverviewPage() {
  const { t } = await getI18n();
  return (
    <div className="space-y-10">
      <section>
        <h1 className="text-3xl font-bold text-slate-900">{t("overview.title")}</h1>
        <p className="mt-2 max-w-4xl text-lg leading-relaxed text-slate-800">{t("overview.intro")}</p>
      </section>

      <section aria-labelledby="pipeline-title">
        <h2 id="pipeline-title" className="mb-3 text-2xl font-bold text-slate-900">
          {t("overview.pipelineTitle")}
        </h2>
        <PipelineOverview />
        <DoctorLink className="mt-3" label={t("database.doctor.openDoctor")} />
      </section>

      <section aria-labelledby="checklist-title">
        <h2 id="checklist-title" className="text-2xl font-bold text-slate-900">
          {t("overview.checklistTitle")}
        </h2>
        <p className="mt-1 text-base text-slate-700">{t("overview.checklistIntro")}</p>
        <ol className="mt-4 grid gap-3 md:grid-cols-2 xl:grid-cols-3">
          {CHECKLIST.map((step, i) => (
            <li key={step} className="flex gap-3 rounded-lg border border-slate-300 bg-white p-4">
              <span
                aria-hidden="true"
                className="flex size-8 shrink-0 items-center justify-center rounded-full bg-slate-900 text-sm font-bold text-white"
              >
                {i + 1}
              </span>
              <div>
                <h3 className="text-lg font-semibold text-slate-900">{t(`overview.checklist.${step}.title`)}</h3>
                <p className="mt-0.5 text-base leading-snug text-slate-700">
                  {t(`overview.checklist.${step}.description`)}
                </p>
              </div>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
