"use client";

import { useState } from "react";
import { useCanOperate } from "@/components/auth/PrincipalProvider";
import { useT } from "@/components/i18n/I18nProvider";
import { ConfirmDialog } from "@/components/lake/ConfirmDialog";
import { Button } from "@/components/ui/Button";
import { ErrorNote, LoadError, LoadingRows } from "@/components/ui/QueryStates";
import type { DoctorScope } from "@/data/database/keys";
import { useSnapshotMutations, useSnapshotsQuery } from "@/data/database/use-snapshots";

/** Incremental snapshots of one Debezium connector: the offered setup fix, a start button and live progress. */
export function SnapshotPanel({ scope }: { scope: DoctorScope }) {
  const t = useT();
  const canOperate = useCanOperate();
  const { prepare, start } = useSnapshotMutations(scope);
  const q = useSnapshotsQuery(scope, start.data?.signalId ?? null);
  const [confirm, setConfirm] = useState(false);
  const [tables, setTables] = useState<string | null>(null);

  if (q.isPending) return <LoadingRows label={t("database.common.loading")} rows={2} />;
  if (q.isError) return <LoadError title={t("database.common.errorTitle", { message: "" })} query={q} />;
  const { setup, snapshots, topic } = q.data;
  const value = tables ?? setup.capturedTables.join(", ");
  const refs = value
    .split(",")
    .map((s) => s.trim().replace(/\\\./g, "."))
    .filter(Boolean)
    .map((s) => {
      const i = s.indexOf(".");
      return i < 0 ? { schema: "public", table: s } : { schema: s.slice(0, i), table: s.slice(i + 1) };
    });

  return (
    <section className="space-y-3 rounded-lg border border-slate-300 bg-white p-4" data-testid="database-snapshots">
      <h2 className="text-xl font-bold text-slate-900">{t("database.snapshots.title")}</h2>
      <p className="text-sm text-slate-700">{t("database.snapshots.intro")}</p>
      {setup.missing.length ? (
        <div className="rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          <p>{t("database.snapshots.missing", { missing: setup.missing.join(", ") })}</p>
          {canOperate ? (
            <Button className="mt-2" onClick={() => setConfirm(true)} disabled={prepare.isPending}>
              {t("database.snapshots.prepare")}
            </Button>
          ) : null}
        </div>
      ) : canOperate ? (
        <form
          className="flex flex-wrap items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            if (refs.length) start.mutate(refs);
          }}
        >
          <label className="flex flex-col text-sm font-semibold">
            {t("database.snapshots.tables")}
            <input className="min-w-72 rounded border border-slate-400 px-2 py-1 font-normal" value={value} onChange={(e) => setTables(e.target.value)} />
          </label>
          <Button type="submit" disabled={start.isPending || !refs.length}>
            {t("database.snapshots.start")}
          </Button>
        </form>
      ) : null}
      {prepare.data ? <p role="status" className="text-sm text-emerald-900">{t("database.snapshots.prepared", { applied: prepare.data.applied.join("; ") })}</p> : null}
      {start.data ? <p role="status" className="text-sm text-emerald-900">{t("database.snapshots.started", { id: start.data.signalId })}</p> : null}
      <ErrorNote error={start.error} className="text-sm text-red-900" />
      {topic ? <p className="text-xs text-slate-600">{t("database.snapshots.topic", { topic })}</p> : null}
      {snapshots.length === 0 ? (
        <p className="text-sm text-slate-700">{t("database.snapshots.none")}</p>
      ) : (
        <ul className="space-y-2">
          {snapshots.map((s) => (
            <li key={s.id} data-snapshot={s.id} data-state={s.state} className="rounded border border-slate-200 p-2 text-sm">
              <p className="font-semibold">{t("database.snapshots.state", { state: s.state, collections: s.collections.join(", ") })}</p>
              {s.current ? <p>{t("database.snapshots.inProgress", { table: s.current, last: s.lastKey ?? "—", max: s.maxKey ?? "—" })}</p> : null}
              {s.tables.map((x) => (
                <p key={x.name}>{t("database.snapshots.tableDone", { table: x.name, rows: x.rows, status: x.status })}</p>
              ))}
            </li>
          ))}
        </ul>
      )}
      {confirm ? (
        <ConfirmDialog
          title={t("database.snapshots.prepare")}
          confirmLabel={t("database.common.confirm")}
          mutation={prepare}
          onCancel={() => setConfirm(false)}
          onConfirm={() => prepare.mutate(undefined, { onSuccess: () => setConfirm(false) })}
        >
          {t("database.snapshots.prepareConfirm", { table: setup.signalCollection ?? "public.debezium_signal" })}
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
