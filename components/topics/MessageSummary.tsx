"use client";

import { useLocale, useT } from "@/components/i18n/I18nProvider";
import type { Comparison } from "@/lib/debezium/shared/diff";
import type { TopicMessage } from "@/lib/kafka/shared/message-types";
import type { LastSeenRow } from "./ChangeEventView";
import { formatTime } from "@/components/ui/format";
import { cellText, rowPreview, valuePreview } from "./format";
import { OpBadge } from "./OpBadge";

function KindBadge({ label }: { label: string }) {
  return <span className="inline-flex min-w-7 items-center justify-center rounded bg-slate-200 px-1.5 py-0.5 text-xs font-semibold text-slate-800">{label}</span>;
}

/** What changed, in one line: the changed columns of an update, else the row (after, or before for a delete). */
function ChangePreview({ message, comparison, lastSeen }: { message: TopicMessage; comparison: Comparison | null; lastSeen: LastSeenRow | null }) {
  const t = useT();
  const v = message.value;
  if (v.kind !== "change") return <span className="truncate font-mono text-slate-800">{valuePreview(v)}</span>;
  if (v.op === "u" && comparison && comparison.changed.length > 0) {
    return (
      <span className="flex min-w-0 flex-wrap gap-x-3">
        {comparison.changed.slice(0, 4).map((f) => (
          <mark key={f} data-testid="changed-field" data-field={f} className="rounded bg-amber-200 px-1 font-mono text-slate-950">
            {f}: {cellText(comparison.before?.[f])} → {cellText(v.after?.[f])}
          </mark>
        ))}
      </span>
    );
  }
  if (v.op === "d") {
    const row = v.placeholderFields.length && lastSeen ? lastSeen.row : v.before;
    return <span className="truncate font-mono text-slate-800">{rowPreview(row)}</span>;
  }
  if (v.op === "t") return <span className="text-slate-700">{t("topics.change.ops.t")}</span>;
  return <span className="truncate font-mono text-slate-800">{rowPreview(v.after ?? v.before)}</span>;
}

export function MessageSummary({ message, comparison = null, lastSeen = null }: { message: TopicMessage; comparison?: Comparison | null; lastSeen?: LastSeenRow | null }) {
  const t = useT();
  const locale = useLocale();
  const v = message.value;
  return (
    <span className="flex min-w-0 flex-1 items-center gap-3 text-sm">
      {v.kind === "change" ? (
        <OpBadge op={v.op} />
      ) : (
        <KindBadge label={t(`topics.message.kinds.${v.kind}`)} />
      )}
      <span className="shrink-0 font-mono text-slate-600">{message.id}</span>
      <span className="hidden shrink-0 font-mono text-slate-600 md:inline">{formatTime(locale, message.timestamp, { date: true, millis: true })}</span>
      {v.kind === "change" && v.table ? <span className="hidden shrink-0 font-mono text-slate-700 lg:inline">{v.table}</span> : null}
      <span className="max-w-48 shrink-0 truncate font-mono text-slate-900" title={message.key ?? undefined}>
        {message.key ?? t("topics.message.noKey")}
      </span>
      <ChangePreview message={message} comparison={comparison} lastSeen={lastSeen} />
      {v.kind === "change" && v.captureLatencyMs !== null ? (
        <span className="ml-auto shrink-0 font-mono text-xs text-slate-600" title={v.latencyBasis === "received" ? t("topics.change.latency") : t("topics.change.latencyToKafka")}>
          {t("topics.change.ms", { ms: v.captureLatencyMs })}
        </span>
      ) : null}
    </span>
  );
}
