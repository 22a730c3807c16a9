"use client";

import { useLocale, useT } from "@/components/i18n/I18nProvider";
import { cellText } from "@/components/topics/format";
import { OpBadge } from "@/components/topics/OpBadge";
import type { LakeChangeEvent } from "@/lib/s3/lake-types";
import { formatTime } from "@/components/ui/format";

/** One Debezium change: its operation, table and time, and the row before/after with changed columns marked. */
export function ChangeEventView({ event, line }: { event: LakeChangeEvent; line?: number }) {
  const t = useT();
  const locale = useLocale();
  const fields = [...new Set([...Object.keys(event.after ?? {}), ...Object.keys(event.before ?? {})])];
  const changed = new Set(event.changed);
  const placeholders = new Set(event.placeholderFields);
  const time = event.source.tsMs ?? event.tsMs;
  return (
    <article className="rounded border border-slate-300 bg-white p-2" data-testid="change-event" data-op={event.op}>
      <header className="flex flex-wrap items-center gap-2 text-sm">
        {/* The same badge and names as the live tail: one visual language for change events. */}
        <OpBadge op={event.op} />
        <span className="font-semibold">{t(`topics.change.ops.${event.op}`)}</span>
        {event.table ? <span className="font-mono">{event.table}</span> : null}
        {time ? <span className="text-slate-600">{formatTime(locale, time, { date: true, millis: true })}</span> : null}
        {line ? <span className="ml-auto text-xs text-slate-500">{t("lake.preview.line", { n: line })}</span> : null}
      </header>
      {fields.length > 0 ? (
        <table className="mt-1 w-full text-left text-xs">
          <thead>
            <tr className="text-slate-600">
              <th className="px-2 py-0.5 font-semibold">{t("lake.preview.column")}</th>
              {event.before ? <th className="px-2 py-0.5 font-semibold">{t("lake.preview.before")}</th> : null}
              {event.after ? <th className="px-2 py-0.5 font-semibold">{t("lake.preview.after")}</th> : null}
            </tr>
          </thead>
          <tbody className="font-mono">
            {fields.map((f) => (
              <tr key={f} className={changed.has(f) ? "bg-amber-50 font-semibold" : ""}>
                <td className="px-2 py-0.5 text-slate-700">{f}</td>
                {event.before ? (
                  <td className={`px-2 py-0.5 break-all ${placeholders.has(f) ? "text-slate-400 italic" : ""}`} title={placeholders.has(f) ? t("lake.preview.placeholder") : undefined}>
                    {cellText(event.before[f])}
                  </td>
                ) : null}
                {event.after ? <td className="px-2 py-0.5 break-all">{cellText(event.after[f])}</td> : null}
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {event.op === "u" && !event.before ? <p className="mt-1 text-xs text-slate-600">{t("lake.preview.noBefore")}</p> : null}
    </article>
  );
}
