"use client";

import { useEffect, useState } from "react";
import { useErrorText, useT } from "@/components/i18n/I18nProvider";
import { DoctorLink } from "@/components/database/DoctorLink";
import { Button } from "@/components/ui/Button";
import { Section } from "@/components/ui/Section";
import { useConnectorDiagnoseQuery } from "@/data/connectors/use-connector-diagnose";
import type { ConnectorState, DebeziumEvidence } from "@/lib/connect/shared/types";

const UNREAD_WARNING_MS = 15_000;

/** What PostgreSQL says about a Debezium source: database, slot, publication, captured tables. */
export function DebeziumPanel({ cluster, name, state, evidence }: { cluster: string; name: string; state: ConnectorState; evidence: DebeziumEvidence }) {
  const t = useT();
  const errorText = useErrorText();
  const [diagnose, setDiagnose] = useState(false);
  const diagnosis = useConnectorDiagnoseQuery(cluster, name, diagnose);
  const yesNo = (v: boolean | null) => (v === null ? "—" : v ? t("connectors.debezium.yes") : t("connectors.debezium.no"));
  // Debezium 3 retries a failed database login forever while Connect keeps reporting RUNNING. The slot is also
  // unread for a moment while a snapshot runs or the task restarts, so warn only once it stays unread for a while
  // (Debezium retries every 10 s).
  const unread = state === "RUNNING" && evidence.slot.exists !== null && !evidence.slot.active;
  const [unreadSince, setUnreadSince] = useState<number | null>(null);
  const [now, setNow] = useState(0);
  useEffect(() => {
    // Reading the clock belongs in an effect, not in render: it records when the slot was first seen unread.
    const t = Date.now();
    // eslint-disable-next-line react-hooks/set-state-in-effect
    setNow(t);
    setUnreadSince((since) => (unread ? (since ?? t) : null));
  }, [unread, evidence]);
  const notStreaming = unread && unreadSince !== null && now - unreadSince >= UNREAD_WARNING_MS;

  return (
    <Section heading={t("connectors.debezium.title")} headingClassName="text-lg font-semibold" className="rounded-lg border border-slate-300 bg-white p-4" testId="debezium-panel">
      <dl className="mt-2 grid grid-cols-[12rem_1fr] gap-x-3 gap-y-1 text-sm">
        <dt className="text-slate-600">{t("connectors.debezium.database")}</dt>
        <dd className="font-mono text-xs">
          {evidence.host}:{evidence.port}/{evidence.database} ({evidence.user})
        </dd>
        <dt className="text-slate-600">{t("connectors.debezium.slot")}</dt>
        <dd className="font-mono text-xs" data-testid="debezium-slot" data-active={String(evidence.slot.active)}>
          {evidence.slot.name} · {t("connectors.debezium.exists")}: {yesNo(evidence.slot.exists)} · {t("connectors.debezium.active")}: {yesNo(evidence.slot.active)}
          {evidence.slot.plugin ? ` · ${evidence.slot.plugin}` : ""}
          {evidence.slot.confirmedFlushLsn ? ` · LSN ${evidence.slot.confirmedFlushLsn}` : ""}
          {evidence.slot.retainedWal ? ` · ${t("connectors.debezium.retained", { size: evidence.slot.retainedWal })}` : ""}
        </dd>
        <dt className="text-slate-600">{t("connectors.debezium.publication")}</dt>
        <dd className="font-mono text-xs">
          {evidence.publication.name} · {t("connectors.debezium.exists")}: {yesNo(evidence.publication.exists)}
          {evidence.publication.tables.length ? ` · ${evidence.publication.tables.join(", ")}` : ""}
        </dd>
        <dt className="text-slate-600">{t("connectors.debezium.captured")}</dt>
        <dd className="font-mono text-xs">{evidence.capturedTables.join(", ") || t("connectors.debezium.allTables")}</dd>
      </dl>
      {evidence.note ? <p className="mt-2 text-sm text-slate-600">{evidence.note}</p> : null}
      <DoctorLink className="mt-3" label={t("database.doctor.diagnose")} connector={{ cluster, name }} db={evidence.database} />
      {notStreaming ? (
        <div role="alert" className="mt-3 rounded border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900" data-testid="debezium-not-streaming">
          <p>{t("connectors.debezium.notStreaming", { slot: evidence.slot.name })}</p>
          <Button className="mt-2" onClick={() => (diagnose ? void diagnosis.refetch() : setDiagnose(true))} disabled={diagnosis.isFetching} data-testid="debezium-diagnose">
            {diagnosis.isFetching ? t("connectors.debezium.diagnosing") : t("connectors.debezium.diagnose")}
          </Button>
        </div>
      ) : null}
      {diagnose && diagnosis.data ? (
        <div className="mt-3 rounded border border-slate-300 p-3 text-sm" data-testid="debezium-diagnosis">
          {diagnosis.data.ok ? (
            <p className="text-emerald-900">{t("connectors.debezium.diagnosisOk")}</p>
          ) : (
            <ul className="space-y-1">
              {Object.entries(diagnosis.data.fields).map(([k, msgs]) => (
                <li key={k}>
                  <span className="font-mono text-xs">{k}</span>: <span className="text-red-900">{msgs.join(" · ")}</span>
                </li>
              ))}
            </ul>
          )}
        </div>
      ) : diagnose && diagnosis.error ? (
        <p role="alert" className="mt-3 text-sm text-red-900">
          {errorText(diagnosis.error)}
        </p>
      ) : null}
    </Section>
  );
}
