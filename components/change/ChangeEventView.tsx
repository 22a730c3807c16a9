"use client";

import { useLocale, useT } from "@/components/i18n/I18nProvider";
import { formatLsn } from "@/lib/debezium/shared/decode";
import { compareChange, type Comparison } from "@/lib/debezium/shared/diff";
import type { ChangeEvent, Row } from "@/lib/debezium/shared/types";
import { formatTime } from "@/components/ui/format";
import { cellText } from "@/components/topics/format";
import { OpBadge } from "@/components/topics/OpBadge";

export interface LastSeenRow {
  row: Row;
  id: string;
}

function Note({ children }: { children: React.ReactNode }) {
  return <p className="rounded border border-sky-300 bg-sky-50 px-3 py-2 text-sm text-sky-950">{children}</p>;
}

function Cell({ value, dimmed = false }: { value: unknown; dimmed?: boolean }) {
  if (value === undefined) return <span className="text-slate-400">—</span>;
  return <span className={`break-all font-mono ${value === null || dimmed ? "text-slate-500" : ""} ${dimmed ? "line-through decoration-slate-400" : ""}`}>{cellText(value)}</span>;
}

/**
 * A Debezium change event as a change: the operation, the table, before and after side by side with the
 * changed columns highlighted, and where the event came from (LSN, transaction, snapshot, times, latency).
 * The one rendering of change events: the live tail and message browser (with the last version of the row they
 * saw) and the lake preview (events in the sink's files, `line` their line number) use it alike.
 */
export function ChangeEventView({
  event,
  comparison: given,
  lastSeen = null,
  line,
}: {
  event: ChangeEvent;
  comparison?: Comparison;
  lastSeen?: LastSeenRow | null;
  line?: number;
}) {
  const t = useT();
  const locale = useLocale();
  const comparison = given ?? compareChange(event, lastSeen?.row ?? null);
  const s = event.source;
  const showLastSeen = event.op === "d" && lastSeen !== null;
  const placeholders = new Set(event.placeholderFields);
  const zoneless = new Set(event.zonelessFields);
  const snapshot = s.snapshot !== null && s.snapshot !== "false";
  return (
    <div className="space-y-3" data-testid="change-event" data-op={event.op} data-types={event.types}>
      <div className="flex flex-wrap items-center gap-2">
        <OpBadge op={event.op} />
        <span className="font-semibold">{t(`topics.change.ops.${event.op}`)}</span>
        {event.table ? <span className="font-mono text-slate-700">{event.table}</span> : null}
        {snapshot ? <span className="rounded bg-sky-100 px-2 py-0.5 text-xs font-semibold text-sky-900">{t("topics.change.fromSnapshot")}</span> : null}
        {line ? <span className="ml-auto text-xs text-slate-500">{t("lake.preview.line", { n: line })}</span> : null}
      </div>

      {event.op === "u" && event.before === null ? (
        <Note>
          {t("topics.change.noBeforeUpdate")}{" "}
          {comparison.origin === "last-seen" && lastSeen ? t("topics.change.comparedWithLastSeen", { id: lastSeen.id }) : t("topics.change.nothingToCompare")}
        </Note>
      ) : null}
      {event.op === "d" && placeholders.size > 0 ? <Note>{t("topics.change.placeholders")}</Note> : null}
      {event.op === "t" ? <Note>{t("topics.change.truncate")}</Note> : null}
      {event.types !== "schema" && (event.before || event.after) ? (
        <p className="text-xs text-slate-600" data-testid="change-types">
          {event.types === "inferred" ? t("topics.change.typesInferred", { table: event.table ?? "" }) : t("topics.change.schemaLess")}
        </p>
      ) : null}

      {comparison.diff.length > 0 ? (
        <div className="overflow-x-auto">
          <table className="w-full border-collapse text-sm">
            <thead>
              <tr className="border-b border-slate-300 text-left text-slate-700">
                <th scope="col" className="py-1 pr-3 font-semibold">{t("topics.change.field")}</th>
                <th scope="col" className="py-1 pr-3 font-semibold">
                  {comparison.origin === "last-seen" ? t("topics.change.beforeLastSeen") : t("topics.change.before")}
                </th>
                <th scope="col" className="py-1 pr-3 font-semibold">{t("topics.change.after")}</th>
                {showLastSeen ? <th scope="col" className="py-1 pr-3 font-semibold">{t("topics.change.lastSeenColumn", { id: lastSeen.id })}</th> : null}
              </tr>
            </thead>
            <tbody>
              {comparison.diff.map((d) => (
                <tr
                  key={d.field}
                  data-testid="change-field"
                  data-field={d.field}
                  data-changed={d.changed ? "true" : "false"}
                  className={`border-b border-slate-200 align-top ${d.changed ? "bg-amber-100" : ""}`}
                >
                  <th scope="row" className="py-1 pr-3 text-left font-mono font-medium">
                    {d.field}
                    {zoneless.has(d.field) ? (
                      <span className="ml-2 rounded bg-slate-200 px-1.5 text-xs font-normal text-slate-700" title={t("topics.change.zonelessHint")} data-testid="zoneless">
                        {t("topics.change.zoneless")}
                      </span>
                    ) : null}
                    {d.changed ? <span className="ml-2 rounded bg-amber-500 px-1.5 text-xs font-bold text-slate-950">{t("topics.change.changed")}</span> : null}
                  </th>
                  <td className="py-1 pr-3">
                    <Cell value={comparison.before ? d.before : undefined} dimmed={event.op === "d" && placeholders.has(d.field)} />
                  </td>
                  <td className="py-1 pr-3">
                    <Cell value={comparison.after ? d.after : undefined} />
                  </td>
                  {showLastSeen ? (
                    <td className="py-1 pr-3">
                      <Cell value={lastSeen.row[d.field]} />
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}

      <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-sm sm:grid-cols-3 lg:grid-cols-6">
        <div>
          <dt className="text-slate-600">{t("topics.change.lsn")}</dt>
          <dd className="font-mono" title={s.lsn !== null ? String(s.lsn) : undefined}>{formatLsn(s.lsn) ?? "—"}</dd>
        </div>
        <div>
          <dt className="text-slate-600">{t("topics.change.txId")}</dt>
          <dd className="font-mono">{s.txId ?? "—"}</dd>
        </div>
        <div>
          <dt className="text-slate-600">{t("topics.change.snapshot")}</dt>
          <dd className="font-mono">{s.snapshot ?? "—"}</dd>
        </div>
        <div>
          <dt className="text-slate-600">{t("topics.change.sourceTs")}</dt>
          <dd className="font-mono">{s.tsMs !== null ? formatTime(locale, s.tsMs, { date: true, millis: true }) : "—"}</dd>
        </div>
        <div>
          <dt className="text-slate-600">{t("topics.change.eventTs")}</dt>
          <dd className="font-mono">{event.tsMs !== null ? formatTime(locale, event.tsMs, { date: true, millis: true }) : "—"}</dd>
        </div>
        <div>
          <dt className="text-slate-600" title={t("topics.change.latencyHint")}>
            {event.latencyBasis === "received" ? t("topics.change.latency") : t("topics.change.latencyToKafka")}
          </dt>
          <dd className="font-mono" data-testid="capture-latency">{event.captureLatencyMs !== null ? t("topics.change.ms", { ms: event.captureLatencyMs }) : "—"}</dd>
        </div>
      </dl>
    </div>
  );
}
