"use client";

import { useState } from "react";
import { useCanOperate } from "@/components/auth/PrincipalProvider";
import { useErrorText, useLocale, useT } from "@/components/i18n/I18nProvider";
import { ConfirmDialog } from "@/components/lake/ConfirmDialog";
import { Button } from "@/components/ui/Button";
import { DataTable } from "@/components/ui/DataTable";
import { LoadError, LoadingRows } from "@/components/ui/QueryStates";
import { useReplicationChangeMutation, useReplicationQuery, type PublicationChange } from "@/data/database/use-replication";
import { formatBytes } from "./format";

/** "schema.table, other.t" → refs (the first dot splits; quote-free names only — the catalog's buttons cover the rest). */
function parseTables(text: string): { schema: string; table: string }[] {
  return text
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      const i = s.indexOf(".");
      return i < 0 ? { schema: "public", table: s } : { schema: s.slice(0, i), table: s.slice(i + 1) };
    });
}

export function ReplicationPanel({ db }: { db: string }) {
  const t = useT();
  const locale = useLocale();
  const errorText = useErrorText();
  const canOperate = useCanOperate();
  const q = useReplicationQuery(db);
  const change = useReplicationChangeMutation(db);
  const [confirm, setConfirm] = useState<{ change: PublicationChange; text: string } | null>(null);
  const [pubName, setPubName] = useState("");
  const [pubTables, setPubTables] = useState("public.pessoas");
  const [addTo, setAddTo] = useState<Record<string, string>>({});

  if (q.isPending) return <LoadingRows label={t("database.common.loading")} rows={6} />;
  if (q.isError) return <LoadError title={t("database.common.errorTitle", { message: "" })} query={q} />;
  const o = q.data;
  const run = (c: PublicationChange, onDone?: () => void) => change.mutate(c, { onSuccess: () => { setConfirm(null); onDone?.(); } });

  return (
    <div className="space-y-6">
      {o.connectNote ? <p className="text-sm text-amber-900">{t("database.replication.connectNote", { message: o.connectNote })}</p> : null}
      {change.isError && !confirm ? <p role="alert" className="rounded border border-red-300 bg-red-50 p-2 text-sm text-red-900">{errorText(change.error)}</p> : null}

      <section className="space-y-2">
        <h2 className="text-xl font-bold text-slate-900">{t("database.replication.settings")}</h2>
        <DataTable testId="database-settings" columns={[{ key: "n", label: t("database.replication.setting") }, { key: "v", label: t("database.replication.value") }, { key: "u", label: t("database.replication.inUse"), numeric: true }]}>
          {o.settings.map((s) => (
            <tr key={s.name} className="border-t border-slate-200">
              <td className="px-3 py-1.5 font-mono">{s.name}</td>
              <td className="px-3 py-1.5 font-mono">
                {s.value}
                {s.unit && s.value !== "-1" ? ` ${s.unit}` : ""}
                {s.context === "postmaster" ? <span className="ml-2 text-xs text-slate-500">({t("database.replication.restart")})</span> : null}
              </td>
              <td className="px-3 py-1.5 text-right tabular-nums">{s.inUse ?? ""}</td>
            </tr>
          ))}
        </DataTable>
      </section>

      <section className="space-y-2">
        <h2 className="text-xl font-bold text-slate-900">{t("database.replication.publications")}</h2>
        {o.publications.length === 0 ? <p className="text-slate-700">{t("database.replication.noPublications")}</p> : null}
        <ul className="space-y-2">
          {o.publications.map((p) => (
            <li key={p.name} data-publication={p.name} className="rounded-lg border border-slate-300 bg-white p-3">
              <div className="flex flex-wrap items-center gap-2">
                <strong className="font-mono">{p.name}</strong>
                {p.allTables ? <span className="rounded bg-slate-200 px-2 text-xs">{t("database.replication.allTables")}</span> : null}
                <span className="text-xs text-slate-600">
                  {t("database.replication.operations")}: {Object.entries(p.operations).filter(([, v]) => v).map(([k]) => k).join(", ")}
                </span>
                {canOperate ? (
                  <Button variant="ghost" className="ml-auto text-red-800" onClick={() => setConfirm({ change: { kind: "drop", name: p.name }, text: t("database.replication.confirmDropPublication", { publication: p.name }) })}>
                    {t("database.replication.dropPublication")}
                  </Button>
                ) : null}
              </div>
              <ul className="mt-1 flex flex-wrap gap-2 text-sm">
                {(p.allTables ? p.tables.slice(0, 20) : p.tables).map((x) => (
                  <li key={`${x.schema}.${x.name}`} className="rounded bg-slate-100 px-2 py-0.5 font-mono">
                    {x.schema}.{x.name}
                    {canOperate && !p.allTables ? (
                      <button type="button" className="ml-1 text-red-800" aria-label={`${t("database.replication.removeTable")} ${x.schema}.${x.name}`} onClick={() => run({ kind: "remove", name: p.name, schema: x.schema, table: x.name })}>
                        ×
                      </button>
                    ) : null}
                  </li>
                ))}
              </ul>
              {canOperate && !p.allTables ? (
                <form
                  className="mt-2 flex gap-2"
                  onSubmit={(e) => {
                    e.preventDefault();
                    const [ref] = parseTables(addTo[p.name] ?? "");
                    if (ref) run({ kind: "add", name: p.name, ...ref }, () => setAddTo({ ...addTo, [p.name]: "" }));
                  }}
                >
                  <input aria-label={t("database.replication.addTable")} className="rounded border border-slate-400 px-2 py-1 text-sm" placeholder="public.pedidos" value={addTo[p.name] ?? ""} onChange={(e) => setAddTo({ ...addTo, [p.name]: e.target.value })} />
                  <Button type="submit" variant="ghost" disabled={change.isPending}>
                    {t("database.replication.addTable")}
                  </Button>
                </form>
              ) : null}
            </li>
          ))}
        </ul>
        {canOperate ? (
          <form
            className="flex flex-wrap items-end gap-2 rounded-lg border border-dashed border-slate-400 p-3"
            onSubmit={(e) => {
              e.preventDefault();
              run({ kind: "create", name: pubName.trim(), tables: parseTables(pubTables) }, () => setPubName(""));
            }}
          >
            <label className="flex flex-col text-sm font-semibold">
              {t("database.replication.publicationName")}
              <input required className="rounded border border-slate-400 px-2 py-1 font-normal" value={pubName} onChange={(e) => setPubName(e.target.value)} placeholder="pessoas_pub" />
            </label>
            <label className="flex flex-col text-sm font-semibold">
              {t("database.replication.tablesToAdd")}
              <input required className="rounded border border-slate-400 px-2 py-1 font-normal" value={pubTables} onChange={(e) => setPubTables(e.target.value)} />
            </label>
            <Button type="submit" disabled={change.isPending}>
              {t("database.replication.createPublication")}
            </Button>
          </form>
        ) : null}
      </section>

      <section className="space-y-2">
        <h2 className="text-xl font-bold text-slate-900">{t("database.replication.slots")}</h2>
        {o.slots.length === 0 ? (
          <p className="text-slate-700">{t("database.replication.noSlots")}</p>
        ) : (
          <DataTable
            testId="database-slots"
            columns={[
              { key: "s", label: t("database.replication.slot") },
              { key: "p", label: t("database.replication.plugin") },
              { key: "a", label: t("database.replication.active") },
              { key: "l", label: "restart_lsn / confirmed_flush_lsn" },
              { key: "r", label: t("database.replication.retained"), numeric: true },
              { key: "w", label: t("database.replication.walStatus") },
              { key: "safe", label: t("database.replication.safeWal"), numeric: true },
              { key: "c", label: t("database.replication.usedBy") },
              { key: "x", label: "" },
            ]}
          >
            {o.slots.map((s) => (
              <tr key={s.name} data-slot={s.name} className="border-t border-slate-200">
                <td className="px-3 py-1.5 font-mono">{s.name}</td>
                <td className="px-3 py-1.5 font-mono">{s.plugin ?? s.type}</td>
                <td className="px-3 py-1.5">{s.active ? `${t("database.common.yes")} (${t("database.replication.activePid")} ${s.activePid})` : t("database.common.no")}</td>
                <td className="px-3 py-1.5 font-mono text-xs">{s.restartLsn ?? "—"} / {s.confirmedFlushLsn ?? "—"}</td>
                <td className="px-3 py-1.5 text-right tabular-nums">{s.retainedWalBytes === null ? "—" : formatBytes(s.retainedWalBytes, locale)}</td>
                <td className="px-3 py-1.5">{s.walStatus ?? "—"}</td>
                <td className="px-3 py-1.5 text-right tabular-nums">{s.safeWalSizeBytes === null ? "—" : formatBytes(s.safeWalSizeBytes, locale)}</td>
                <td className="px-3 py-1.5">{s.connectors.map((c) => `${c.name} (${c.state})`).join(", ") || "—"}</td>
                <td className="px-3 py-1.5">
                  {canOperate && !s.active ? (
                    <Button variant="ghost" className="text-red-800" onClick={() => setConfirm({ change: { kind: "drop_slot", slot: s.name }, text: t("database.replication.confirmDropSlot", { slot: s.name }) })}>
                      {t("database.replication.dropSlot")}
                    </Button>
                  ) : null}
                </td>
              </tr>
            ))}
          </DataTable>
        )}
      </section>

      <section className="space-y-2">
        <h2 className="text-xl font-bold text-slate-900">{t("database.replication.roles")}</h2>
        <DataTable testId="database-roles" columns={[{ key: "r", label: t("database.replication.role") }, { key: "l", label: t("database.replication.login") }, { key: "p", label: t("database.replication.replicationAttr") }, { key: "t", label: t("database.replication.selectable") }]}>
          {o.roles.map((r) => (
            <tr key={r.name} className="border-t border-slate-200">
              <td className="px-3 py-1.5 font-mono">
                {r.name}
                {r.superuser ? <span className="ml-2 text-xs text-slate-500">({t("database.replication.superuser")})</span> : null}
              </td>
              <td className="px-3 py-1.5">{r.login ? "✓" : "—"}</td>
              <td className="px-3 py-1.5">{r.replication || r.superuser ? "✓" : "—"}</td>
              <td className="px-3 py-1.5 font-mono text-xs">{r.selectableTables === null ? t("database.replication.allTablesSuper") : r.selectableTables.join(", ") || t("database.common.none")}</td>
            </tr>
          ))}
        </DataTable>
      </section>

      {confirm ? (
        <ConfirmDialog
          title={t("database.common.confirm")}
          confirmLabel={t("database.common.confirm")}
          mutation={change}
          onCancel={() => setConfirm(null)}
          onConfirm={() => run(confirm.change)}
        >
          {confirm.text}
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
