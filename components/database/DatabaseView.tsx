"use client";

import { useState } from "react";
import { useT } from "@/components/i18n/I18nProvider";
import { LoadError, LoadingRows } from "@/components/ui/QueryStates";
import { useDatabasesQuery } from "@/data/database/use-databases";
import type { DoctorScope } from "@/data/database/keys";
import { CatalogPanel } from "./CatalogPanel";
import { DoctorPanel } from "./DoctorPanel";
import { ReplicationPanel } from "./ReplicationPanel";
import { SnapshotPanel } from "./SnapshotPanel";

export type DatabaseTab = "catalog" | "replication" | "doctor";
const TABS: DatabaseTab[] = ["catalog", "replication", "doctor"];

/** The Database page: which database, and its three tabs. State is mirrored into the URL so a link can open the doctor. */
export function DatabaseView({ initialDb, initialTab, scope }: { initialDb: string; initialTab: DatabaseTab; scope: DoctorScope | null }) {
  const t = useT();
  const dbs = useDatabasesQuery();
  const [db, setDb] = useState(initialDb);
  const [tab, setTab] = useState<DatabaseTab>(initialTab);

  const go = (next: { db?: string; tab?: DatabaseTab }) => {
    const d = next.db ?? db;
    const tb = next.tab ?? tab;
    setDb(d);
    setTab(tb);
    const url = new URL(window.location.href);
    url.searchParams.set("db", d);
    url.searchParams.set("tab", tb);
    window.history.replaceState(null, "", url);
  };

  if (dbs.isPending) return <LoadingRows label={t("database.common.loading")} />;
  if (dbs.isError) return <LoadError title={t("database.common.errorTitle", { message: "" })} error={dbs.error} onRetry={() => dbs.refetch()} retrying={dbs.isFetching} />;

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-4">
        <div role="group" aria-label="database" className="flex gap-1 rounded-lg border border-slate-300 bg-white p-1">
          {dbs.data.map((d) => (
            <button
              key={d.id}
              type="button"
              aria-pressed={d.id === db}
              onClick={() => go({ db: d.id })}
              className={`rounded-md px-3 py-1.5 text-sm font-semibold ${d.id === db ? "bg-slate-900 text-white" : "text-slate-800 hover:bg-slate-100"}`}
              title={d.endpoint}
            >
              {d.kind.toUpperCase()} · {d.name}
            </button>
          ))}
        </div>
        <div role="tablist" className="flex gap-1 border-b border-slate-300">
          {TABS.map((x) => (
            <button
              key={x}
              role="tab"
              type="button"
              aria-selected={x === tab}
              onClick={() => go({ tab: x })}
              className={`-mb-px border-b-2 px-3 py-2 text-sm font-semibold ${x === tab ? "border-slate-900 text-slate-900" : "border-transparent text-slate-600 hover:text-slate-900"}`}
            >
              {t(`database.tabs.${x}`)}
            </button>
          ))}
        </div>
      </div>
      <div role="tabpanel">
        {tab === "catalog" ? <CatalogPanel key={db} db={db} /> : null}
        {tab === "replication" ? <ReplicationPanel key={db} db={db} /> : null}
        {tab === "doctor" ? (
          <div className="space-y-6">
            <DoctorPanel key={db} db={db} scope={db === initialDb ? scope : null} />
            {/* Snapshots belong to one connector: shown when the doctor was opened for it ("Diagnose"). */}
            {scope && db === initialDb ? <SnapshotPanel scope={scope} /> : null}
          </div>
        ) : null}
      </div>
    </div>
  );
}
