"use client";

import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useT } from "@/components/i18n/I18nProvider";
import { LoadError, LoadingRows } from "@/components/ui/QueryStates";
import { useDatabasesQuery } from "@/data/database/use-databases";
import { CatalogPanel } from "./CatalogPanel";
import { DoctorPanel } from "./DoctorPanel";
import { ReplicationPanel } from "./ReplicationPanel";
import { SnapshotPanel } from "./SnapshotPanel";

export type DatabaseTab = "catalog" | "replication" | "doctor";
const TABS: DatabaseTab[] = ["catalog", "replication", "doctor"];

/**
 * The Database page: which database, its three tabs and the open table all live in the URL
 * (?db=&tab=&schema=&table=&cluster=&connector=), so a link can open the doctor for one connector ("Diagnose")
 * and switching is plain navigation (links, not buttons).
 */
export function DatabaseView() {
  const t = useT();
  const dbs = useDatabasesQuery();
  const sp = useSearchParams();
  const pathname = usePathname();
  const router = useRouter();
  const cluster = sp.get("cluster");
  const connector = sp.get("connector");
  const scope = cluster && connector ? { cluster, connector } : null;
  const tab = TABS.find((x) => x === sp.get("tab")) ?? (scope ? "doctor" : "catalog");

  const href = (change: Record<string, string | null>) => {
    const q = new URLSearchParams(sp.toString());
    for (const [k, v] of Object.entries(change)) {
      if (v === null) q.delete(k);
      else q.set(k, v);
    }
    return `${pathname}?${q.toString()}`;
  };

  if (dbs.isPending) return <LoadingRows label={t("database.common.loading")} />;
  if (dbs.isError) return <LoadError title={t("database.common.errorTitle", { message: "" })} query={dbs} />;
  const wanted = sp.get("db");
  const db = dbs.data.find((d) => d.id === wanted || d.name === wanted)?.id ?? dbs.data[0]?.id ?? "oltp";
  const schema = sp.get("schema");
  const table = sp.get("table");

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-4">
        <nav aria-label="database" className="flex gap-1 rounded-lg border border-slate-300 bg-white p-1">
          {dbs.data.map((d) => (
            <Link
              key={d.id}
              href={href({ db: d.id, schema: null, table: null })}
              replace
              scroll={false}
              aria-current={d.id === db ? "page" : undefined}
              className={`rounded-md px-3 py-1.5 text-sm font-semibold ${d.id === db ? "bg-slate-900 text-white" : "text-slate-800 hover:bg-slate-100"}`}
              title={d.endpoint}
            >
              {d.kind.toUpperCase()} · {d.name}
            </Link>
          ))}
        </nav>
        <nav aria-label="tabs" className="flex gap-1 border-b border-slate-300">
          {TABS.map((x) => (
            <Link
              key={x}
              href={href({ tab: x, schema: null, table: null })}
              replace
              scroll={false}
              aria-current={x === tab ? "page" : undefined}
              className={`-mb-px border-b-2 px-3 py-2 text-sm font-semibold ${x === tab ? "border-slate-900 text-slate-900" : "border-transparent text-slate-600 hover:text-slate-900"}`}
            >
              {t(`database.tabs.${x}`)}
            </Link>
          ))}
        </nav>
      </div>
      <div>
        {tab === "catalog" ? (
          <CatalogPanel
            key={db}
            db={db}
            open={schema !== null && table !== null ? { schema, table } : null}
            tableHref={(s, n) => href({ tab: "catalog", schema: s, table: n })}
            onClose={() => router.replace(href({ schema: null, table: null }), { scroll: false })}
          />
        ) : null}
        {tab === "replication" ? <ReplicationPanel key={db} db={db} /> : null}
        {tab === "doctor" ? (
          <div className="space-y-6">
            <DoctorPanel key={db} db={db} scope={scope} focusRule={sp.get("rule")} />
            {/* Snapshots belong to one connector: shown when the doctor was opened for it ("Diagnose"). */}
            {scope ? <SnapshotPanel scope={scope} /> : null}
          </div>
        ) : null}
      </div>
    </div>
  );
}
