"use client";

import { useT } from "@/components/i18n/I18nProvider";
import type { DecodedValue } from "@/lib/debezium/shared/types";

/** A value that is not a change event: JSON (indented), text, bytes as hex, or a tombstone. */
export function ValueView({ value }: { value: Exclude<DecodedValue, { kind: "change" }> }) {
  const t = useT();
  switch (value.kind) {
    case "tombstone":
      return (
        <p className="text-sm text-slate-800" data-testid="tombstone">
          <span className="mr-2 rounded bg-slate-800 px-1.5 py-0.5 text-xs font-bold text-white">{t("topics.message.tombstone")}</span>
          {t("topics.message.tombstoneHint")}
        </p>
      );
    case "json":
      return <pre className="max-h-96 overflow-auto rounded bg-slate-100 p-2 text-sm">{JSON.stringify(value.json, null, 2)}</pre>;
    case "text":
      return <pre className="max-h-96 overflow-auto rounded bg-slate-100 p-2 text-sm whitespace-pre-wrap">{value.text}</pre>;
    case "binary":
      return (
        <div className="text-sm">
          <p className="text-slate-700">{t("topics.message.binary", { size: value.size })}{value.truncated ? ` ${t("topics.message.truncated")}` : ""}</p>
          <pre className="max-h-96 overflow-auto rounded bg-slate-100 p-2 break-all whitespace-pre-wrap">{value.hex}</pre>
        </div>
      );
  }
}
