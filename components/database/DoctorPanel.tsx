"use client";

import { useEffect, useRef, useState } from "react";
import { useCanOperate } from "@/components/auth/PrincipalProvider";
import { useLocale, useT } from "@/components/i18n/I18nProvider";
import { formatTime } from "@/components/ui/format";
import { ConfirmDialog } from "@/components/lake/ConfirmDialog";
import { Button } from "@/components/ui/Button";
import { LoadError, LoadingRows } from "@/components/ui/QueryStates";
import type { DoctorScope } from "@/data/database/keys";
import { useApplyFixMutation, useDoctorQuery } from "@/data/database/use-doctor";
import type { Finding, FixAction } from "@/lib/pg/doctor/shared/types";
import type { MessageKey, Translate } from "@/i18n/format";

const SEVERITY_STYLE: Record<Finding["severity"], string> = {
  error: "border-red-400 bg-red-50",
  warning: "border-amber-400 bg-amber-50",
  info: "border-sky-300 bg-sky-50",
};
const BADGE: Record<Finding["severity"], string> = { error: "bg-red-700 text-white", warning: "bg-amber-600 text-white", info: "bg-sky-700 text-white" };

/** The finding's texts in the reader's language (the catalog), from the rule (or the trace's cause) and its params. */
function findingText(t: Translate, f: Finding, part: "title" | "explain" | "fix"): string {
  const base = f.rule === "task_failed" && f.cause ? `database.causes.${f.cause}` : `database.rules.${f.rule}`;
  return t(`${base}.${part}` as MessageKey, f.params);
}

/** What the fix button will do, in words. */
export function fixLabel(t: Translate, a: FixAction): string {
  switch (a.type) {
    case "create_publication":
      return t("database.fixes.create_publication", { publication: a.publication, tables: a.tables.map((x) => `${x.schema}.${x.table}`).join(", ") });
    case "add_table_to_publication":
      return t("database.fixes.add_table_to_publication", { publication: a.publication, table: `${a.schema}.${a.table}` });
    case "replica_identity_full":
      return t("database.fixes.replica_identity_full", { table: `${a.schema}.${a.table}` });
    case "grant_select":
      return t("database.fixes.grant_select", { table: `${a.schema}.${a.table}`, role: a.role });
    case "drop_slot":
      return t("database.fixes.drop_slot", { slot: a.slot });
    case "add_heartbeat":
      return t("database.fixes.add_heartbeat", { connector: a.connector });
    case "set_plugin_pgoutput":
      return t("database.fixes.set_plugin_pgoutput", { connector: a.connector });
  }
}

/** The CDC doctor: failing rules first (severity, evidence, explanation, fix with a confirmed button), then what passed. */
/** `focusRule`: a link from elsewhere (a stopped trace, the checklist) names the rule to look at: it is outlined and scrolled to. */
export function DoctorPanel({ db, scope, focusRule = null }: { db: string; scope: DoctorScope | null; focusRule?: string | null }) {
  const t = useT();
  const locale = useLocale();
  const canOperate = useCanOperate();
  const q = useDoctorQuery(db, scope);
  const fix = useApplyFixMutation(db, scope);
  const [confirm, setConfirm] = useState<FixAction | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const focused = useRef<HTMLLIElement | null>(null);
  const hasData = q.data !== undefined;
  useEffect(() => {
    if (hasData && focusRule) focused.current?.scrollIntoView({ block: "center" });
  }, [hasData, focusRule]);

  if (q.isPending) return <LoadingRows label={t("database.doctor.running")} rows={5} />;
  if (q.isError) return <LoadError title={t("database.common.errorTitle", { message: "" })} query={q} />;

  const r = q.data;
  const findings = r.rules.flatMap((x) => x.findings).sort((a, b) => (a.severity === b.severity ? 0 : a.severity === "error" ? -1 : b.severity === "error" ? 1 : 0));
  const passed = r.rules.filter((x) => x.status === "pass");
  const skipped = r.rules.filter((x) => x.status === "skip");

  return (
    <div className="space-y-4" data-testid="database-doctor">
      <div className="flex flex-wrap items-center gap-3">
        <Button onClick={() => { setDone(null); void q.refetch(); }} disabled={q.isFetching}>
          {q.isFetching ? t("database.doctor.running") : t("database.doctor.run")}
        </Button>
        <p className="text-sm text-slate-700">
          {t("database.doctor.connectorLabel")}:{" "}
          {r.connectors.length
            ? r.connectors.map((c) => (c.registered ? `${c.name} (${c.state})` : t("database.doctor.planned", { name: c.name }))).join(", ")
            : t("database.common.none")}
        </p>
      </div>
      <p className="text-xs text-slate-600">{t("database.doctor.ranAt", { time: formatTime(locale, r.ranAt), ms: r.durationMs })}</p>
      {done ? <p role="status" className="rounded border border-emerald-300 bg-emerald-50 p-2 text-sm text-emerald-900">{t("database.doctor.applied")} <code>{done}</code></p> : null}
      <p className="font-semibold text-slate-900" data-testid="database-doctor-summary">
        {findings.length ? t("database.doctor.summary", { errors: r.summary.errors, warnings: r.summary.warnings, passed: r.summary.passed }) : t("database.doctor.passed", { passed: r.summary.passed })}
      </p>
      {!canOperate && findings.some((f) => f.action) ? <p className="text-sm text-slate-600">{t("database.readOnly")}</p> : null}
      <ul className="space-y-3">
        {findings.map((f, i) => (
          <li
            key={`${f.rule}-${f.subject}-${i}`}
            ref={f.rule === focusRule && !findings.slice(0, i).some((x) => x.rule === focusRule) ? focused : undefined}
            data-rule={f.rule}
            data-focused={f.rule === focusRule ? "true" : undefined}
            className={`rounded-lg border-l-4 border p-4 ${SEVERITY_STYLE[f.severity]} ${f.rule === focusRule ? "ring-4 ring-slate-900" : ""}`}
          >
            <div className="flex flex-wrap items-center gap-2">
              <span className={`rounded px-2 py-0.5 text-xs font-bold uppercase ${BADGE[f.severity]}`}>{t(`database.doctor.severities.${f.severity}`)}</span>
              <h3 className="break-all font-bold text-slate-900">{findingText(t, f, "title")}</h3>
            </div>
            <p className="mt-2 text-slate-800">{findingText(t, f, "explain")}</p>
            <details className="mt-2" open>
              <summary className="cursor-pointer text-sm font-semibold text-slate-800">{t("database.doctor.evidence")}</summary>
              <ul className="mt-1 space-y-1">
                {f.evidence.map((e, j) => (
                  <li key={j} className="rounded bg-white/70 p-2 font-mono text-xs text-slate-800">
                    <div className="text-slate-500">{e.source}</div>
                    <div className="break-all">→ {e.value}</div>
                  </li>
                ))}
              </ul>
            </details>
            <p className="mt-2 text-sm text-slate-900">
              <strong>{t("database.doctor.howToFix")}:</strong> {findingText(t, f, "fix")}
            </p>
            {f.action && canOperate ? (
              <Button className="mt-2" onClick={() => setConfirm(f.action)} disabled={fix.isPending}>
                {t("database.doctor.apply")}: {fixLabel(t, f.action)}
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
      <details>
        <summary className="cursor-pointer text-sm font-semibold text-slate-800">
          {t("database.doctor.passedRules")} ({passed.length}) · {t("database.doctor.skippedRules")} ({skipped.length})
        </summary>
        <ul className="mt-2 grid gap-1 text-sm text-slate-700 sm:grid-cols-2">
          {passed.map((x) => <li key={x.id}>✓ {x.id}</li>)}
          {skipped.map((x) => <li key={x.id} className="text-slate-500">– {x.id}</li>)}
        </ul>
      </details>
      {confirm ? (
        <ConfirmDialog
          title={t("database.doctor.apply")}
          confirmLabel={t("database.common.confirm")}
          mutation={fix}
          testId="database-fix-confirm"
          onCancel={() => setConfirm(null)}
          onConfirm={() =>
            fix.mutate(confirm, {
              onSuccess: (res) => {
                setDone(res.outcome.applied);
                setConfirm(null);
              },
            })
          }
        >
          {t("database.doctor.confirmFix", { what: fixLabel(t, confirm) })}
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
