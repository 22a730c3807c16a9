import Link from "next/link";
import { RegisterForm } from "@/components/connectors/RegisterForm";
import { clusters } from "@/lib/connect/client";
import { templateViews } from "@/lib/connect/templates/templates";
import { TEMPLATE_IDS, type TemplateId } from "@/lib/connect/shared/types";
import { currentPrincipal } from "@/lib/auth/server";
import { getI18n } from "@/i18n/server";
import { titleMetadata } from "@/app/area-page";

export const dynamic = "force-dynamic";

export const generateMetadata = titleMetadata("connectors.registerTitle");

/** /connectors/register?cluster=0&template=s3-sink — templates arrive here already masked. */
export default async function RegisterPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const [{ t }, principal, search] = await Promise.all([getI18n(), currentPrincipal(), searchParams]);
  const all = clusters();
  const cluster = all.find((c) => c.id === search.cluster || c.slug === search.cluster) ?? all[0];
  const mode = search.template === "raw" ? "raw" : (TEMPLATE_IDS as readonly string[]).includes(search.template ?? "") ? (search.template as TemplateId) : "debezium-postgres";
  return (
    <div className="space-y-3">
      <Link href="/connectors" className="text-sm underline">
        ← {t("connectors.detail.back")}
      </Link>
      {principal?.role === "operator" ? (
        <RegisterForm clusters={all} templates={templateViews()} initialCluster={cluster.id} initialMode={mode} />
      ) : (
        <p className="rounded border border-slate-300 bg-slate-50 p-3 text-slate-700" data-testid="read-only-note">
          {t("connectors.readOnly")}
        </p>
      )}
    </div>
  );
}
