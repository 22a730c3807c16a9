"use client";

import { useLocale, useT } from "@/components/i18n/I18nProvider";
import { compareChange, type Comparison } from "@/lib/debezium/shared/diff";
import type { TopicMessage } from "@/lib/kafka/shared/message-types";
import { ChangeEventView, type LastSeenRow } from "./ChangeEventView";
import { formatTime } from "@/components/ui/format";
import { ValueView } from "./ValueView";

/** Everything about one record: position, time, key, headers and the decoded value. */
export function MessageDetails({ message, comparison, lastSeen }: { message: TopicMessage; comparison?: Comparison | null; lastSeen?: LastSeenRow | null }) {
  const t = useT();
  const locale = useLocale();
  const headers = Object.entries(message.headers);
  return (
    <div className="space-y-3">
      <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-sm sm:grid-cols-4">
        <div>
          <dt className="text-slate-600">{t("topics.message.partition")}</dt>
          <dd className="font-mono">{message.partition}</dd>
        </div>
        <div>
          <dt className="text-slate-600">{t("topics.message.offset")}</dt>
          <dd className="font-mono">{message.offset}</dd>
        </div>
        <div>
          <dt className="text-slate-600">{t("topics.message.timestamp")}</dt>
          <dd className="font-mono">{formatTime(locale, message.timestamp, { date: true, millis: true })}</dd>
        </div>
        <div>
          <dt className="text-slate-600">{t("topics.message.size")}</dt>
          <dd className="font-mono">{t("topics.message.bytes", { size: message.size })}</dd>
        </div>
        <div className="col-span-2 sm:col-span-4">
          <dt className="text-slate-600">{t("topics.message.key")}</dt>
          <dd className="font-mono break-all">
            {message.key === null ? <span className="text-slate-500">{t("topics.message.noKey")}</span> : message.key}
            {message.keyIsBinary ? <span className="ml-2 text-xs text-slate-600">{t("topics.message.binaryKey")}</span> : null}
          </dd>
        </div>
      </dl>
      {message.value.kind === "change" ? (
        <ChangeEventView event={message.value} comparison={comparison ?? compareChange(message.value, null)} lastSeen={lastSeen ?? null} />
      ) : (
        <div>
          <h4 className="text-sm text-slate-600">{t("topics.message.value")}</h4>
          <ValueView value={message.value} />
        </div>
      )}
      <details className="text-sm">
        <summary className="cursor-pointer text-slate-700">{t("topics.message.headers", { count: headers.length })}</summary>
        {headers.length ? (
          <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 font-mono">
            {headers.map(([k, v]) => (
              <div key={k} className="contents">
                <dt className="text-slate-600">{k}</dt>
                <dd className="break-all">{v}</dd>
              </div>
            ))}
          </dl>
        ) : (
          <p className="text-slate-600">{t("topics.message.noHeaders")}</p>
        )}
      </details>
    </div>
  );
}
