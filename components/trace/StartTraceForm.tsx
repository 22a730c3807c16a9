"use client";

import { useRouter } from "next/navigation";
import { useId, useMemo, useState } from "react";
import { useCanOperate } from "@/components/auth/PrincipalProvider";
import { useT } from "@/components/i18n/I18nProvider";
import { Button } from "@/components/ui/Button";
import { ErrorNote } from "@/components/ui/QueryStates";
import { useConnectorsListQuery } from "@/data/connectors/use-connectors-list";
import { useStartTraceMutation } from "@/data/pipeline/use-start-trace";
import { EVENT_TIMEOUT_S, OBJECT_TIMEOUT_S, type StartTraceInput } from "@/lib/pipeline/shared/trace";

const DEBEZIUM_PG = /PostgresConnector$/;

/** The start form (operator only): connector, table and timeouts, each with a default; opens the new trace. */
export function StartTraceForm() {
  const t = useT();
  const canOperate = useCanOperate();
  const router = useRouter();
  const id = useId();
  const connectors = useConnectorsListQuery();
  const [connector, setConnector] = useState("");
  const [table, setTable] = useState("");
  const [eventTimeoutS, setEventTimeout] = useState<number>(EVENT_TIMEOUT_S.default);
  const [objectTimeoutS, setObjectTimeout] = useState<number>(OBJECT_TIMEOUT_S.default);
  const start = useStartTraceMutation({ onSuccess: (trace) => router.push(`/trace/${trace.id}`) });

  const sources = useMemo(
    () => (connectors.data?.clusters ?? []).flatMap((c) => c.connectors.filter((x) => DEBEZIUM_PG.test(x.className)).map((x) => ({ value: `${c.cluster.id}/${x.name}`, label: `${x.name} (${x.state})`, topics: x.configuredTopics }))),
    [connectors.data],
  );
  const chosen = sources.find((s) => s.value === connector);
  // Debezium's topics are <prefix>.<schema>.<table>: the tables the connector's config names.
  const tables = (chosen?.topics ?? []).map((topic) => topic.split(".").slice(-2).join(".")).filter((x) => x.includes("."));

  const submit = () => {
    const input: StartTraceInput = { eventTimeoutS, objectTimeoutS };
    if (chosen) {
      const slash = chosen.value.indexOf("/");
      input.cluster = chosen.value.slice(0, slash);
      input.connector = chosen.value.slice(slash + 1);
    }
    if (table.trim()) input.table = table.trim();
    start.mutate(input);
  };

  const field = "mt-1 block w-full rounded-md border border-slate-400 bg-white px-3 py-2 text-lg text-slate-900";
  return (
    <section aria-labelledby={`${id}-title`} className="space-y-4 rounded-lg border border-slate-300 bg-white p-5">
      <h2 id={`${id}-title`} className="text-2xl font-bold text-slate-900">{t("trace.start.title")}</h2>
      {!canOperate ? <p className="rounded bg-amber-50 p-2 text-base text-amber-900">{t("trace.viewerNote")}</p> : null}
      <form
        className="grid gap-4 md:grid-cols-2"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <label className="text-lg font-semibold text-slate-900">
          {t("trace.start.connector")}
          <select data-testid="trace-connector" className={field} value={connector} onChange={(e) => setConnector(e.target.value)} disabled={!canOperate}>
            <option value="">{t("trace.start.auto")}</option>
            {sources.map((s) => (
              <option key={s.value} value={s.value}>{s.label}</option>
            ))}
          </select>
        </label>
        <label className="text-lg font-semibold text-slate-900">
          {t("trace.start.table")}
          <input data-testid="trace-table" className={field} value={table} list={`${id}-tables`} placeholder={t("trace.start.tableAuto")} onChange={(e) => setTable(e.target.value)} disabled={!canOperate} />
          <datalist id={`${id}-tables`}>
            {tables.map((x) => (
              <option key={x} value={x} />
            ))}
          </datalist>
        </label>
        <label className="text-lg font-semibold text-slate-900">
          {t("trace.start.eventTimeout")}
          <input data-testid="trace-event-timeout" type="number" className={field} min={EVENT_TIMEOUT_S.min} max={EVENT_TIMEOUT_S.max} value={eventTimeoutS} onChange={(e) => setEventTimeout(Number(e.target.value))} disabled={!canOperate} />
        </label>
        <label className="text-lg font-semibold text-slate-900">
          {t("trace.start.objectTimeout")}
          <input data-testid="trace-object-timeout" type="number" className={field} min={OBJECT_TIMEOUT_S.min} max={OBJECT_TIMEOUT_S.max} value={objectTimeoutS} onChange={(e) => setObjectTimeout(Number(e.target.value))} disabled={!canOperate} />
        </label>
        <div className="md:col-span-2">
          <Button type="submit" data-testid="trace-submit" className="px-5 py-3 text-lg" disabled={!canOperate || start.isPending} title={canOperate ? undefined : t("trace.viewerNote")}>
            {start.isPending ? t("trace.start.starting") : t("trace.start.submit")}
          </Button>
          <ErrorNote error={start.error} className="mt-2 text-base text-red-800" testId="trace-start-error" />
        </div>
      </form>
      <p className="text-base text-slate-700">{t("trace.howChange")}</p>
    </section>
  );
}
