import type { Metadata } from "next";
import { DatabaseView, type DatabaseTab } from "@/components/database/DatabaseView";
import { currentPrincipal } from "@/lib/auth/server";
import { getI18n } from "@/lib/i18n/server";
import { databases } from "@/lib/pg/session";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getI18n();
  return { title: t("database.title") };
}

const TABS: DatabaseTab[] = ["catalog", "replication", "doctor"];
const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

/** ?db=oltp|dw (or the database's name)&tab=catalog|replication|doctor&cluster=&connector= (the doctor for one connector: "Diagnose"). */
export default async function DatabasePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [{ t }, principal, sp] = await Promise.all([getI18n(), currentPrincipal(), searchParams]);
  const tab = TABS.find((x) => x === one(sp.tab)) ?? (one(sp.connector) ? "doctor" : "catalog");
  const cluster = one(sp.cluster);
  const connector = one(sp.connector);
  return (
    <section className="space-y-4">
      <h1 className="text-3xl font-bold text-slate-900">{t("database.title")}</h1>
      <p className="max-w-3xl text-slate-800">{t("database.intro")}</p>
      {principal?.role !== "operator" ? <p className="text-sm text-slate-600">{t("database.readOnly")}</p> : null}
      <DatabaseView initialDb={databases().find((d) => d.id === one(sp.db) || d.name === one(sp.db))?.id ?? "oltp"} initialTab={tab} scope={cluster && connector ? { cluster, connector } : null} />
    </section>
  );
}
