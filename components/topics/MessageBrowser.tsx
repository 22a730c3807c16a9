"use client";

import { useMemo, useState, type FormEvent } from "react";
import { useErrorText, useT } from "@/components/i18n/I18nProvider";
import { Button } from "@/components/ui/Button";
import { Section } from "@/components/ui/Section";
import { TailBuffer, type TailItem } from "@/data/topics/tail-buffer";
import { useTopicMessagesQuery } from "@/data/topics/use-topic-messages-query";
import { MessageDetails } from "./MessageDetails";
import { MessageSummary } from "./MessageSummary";

type From = "latest" | "earliest" | "offset" | "timestamp";
const FROMS: From[] = ["latest", "earliest", "offset", "timestamp"];

function MessageRow({ item }: { item: Extract<TailItem, { kind: "message" }> }) {
  const { message, comparison, lastSeen } = item;
  const [open, setOpen] = useState(false);
  return (
    <li className="border-b border-slate-200 px-2 py-1" data-testid="browser-row" data-id={message.id}>
      <button type="button" aria-expanded={open} onClick={() => setOpen((o) => !o)} className="flex w-full items-center gap-2 rounded px-1 py-1 text-left hover:bg-slate-100">
        <span aria-hidden="true" className="w-3 text-slate-500">{open ? "▾" : "▸"}</span>
        <MessageSummary message={message} comparison={comparison} lastSeen={lastSeen} />
      </button>
      {open ? (
        <div className="px-6 pt-2 pb-3">
          <MessageDetails message={message} comparison={comparison} lastSeen={lastSeen} />
        </div>
      ) : null}
    </li>
  );
}

/** Start from the newest, the oldest, an offset or a time; then page older/newer with the server's cursors. */
export function MessageBrowser({ topic, partitions }: { topic: string; partitions: number[] }) {
  const t = useT();
  const errorText = useErrorText();
  const [from, setFrom] = useState<From>("latest");
  const [partition, setPartition] = useState<string>("");
  const [offset, setOffset] = useState("0");
  const [time, setTime] = useState("");
  const [limit, setLimit] = useState(50);
  const [formError, setFormError] = useState<string | null>(null);
  const [query, setQuery] = useState<string>("from=latest&limit=50");
  const page = useTopicMessagesQuery(topic, query);

  const base = () => {
    const p = new URLSearchParams({ limit: String(limit) });
    if (partition !== "") p.set("partition", partition);
    return p;
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const p = base();
    p.set("from", from);
    if (from === "offset") {
      if (!/^\d+$/.test(offset)) return setFormError(t("topics.browser.badOffset"));
      p.set("offset", offset);
    }
    if (from === "timestamp") {
      const ms = Date.parse(time);
      if (!Number.isFinite(ms)) return setFormError(t("topics.browser.badTimestamp"));
      p.set("timestamp", String(ms));
    }
    setFormError(null);
    setQuery(p.toString());
  };
  const go = (cursorName: "after" | "before", cursor: string) => {
    const p = base();
    p.set(cursorName, cursor);
    setQuery(p.toString());
  };

  const data = page.data;
  // Updates without `before` are compared with earlier versions of the same row on this page.
  const items = useMemo(() => {
    if (!data) return [];
    const buffer = new TailBuffer(data.messages.length || 1);
    buffer.append(data.messages.map((message) => ({ kind: "message" as const, message })));
    return buffer.items.filter((i): i is Extract<TailItem, { kind: "message" }> => i.kind === "message");
  }, [data]);
  return (
    <Section heading={t("topics.browser.heading")} headingClassName="text-2xl font-bold text-slate-900" className="space-y-3">
      <form onSubmit={submit} className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-300 bg-white p-3">
        <label className="flex flex-col text-sm">
          <span className="font-semibold">{t("topics.browser.from")}</span>
          <select value={from} onChange={(e) => setFrom(e.target.value as From)} className="rounded border border-slate-400 px-2 py-1">
            {FROMS.map((f) => (
              <option key={f} value={f}>
                {t(`topics.browser.fromOptions.${f}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="flex flex-col text-sm">
          <span className="font-semibold">{t("topics.browser.partition")}</span>
          <select value={partition} onChange={(e) => setPartition(e.target.value)} className="rounded border border-slate-400 px-2 py-1">
            <option value="">{t("topics.browser.allPartitions")}</option>
            {partitions.map((p) => (
              <option key={p} value={String(p)}>
                {p}
              </option>
            ))}
          </select>
        </label>
        {from === "offset" ? (
          <label className="flex flex-col text-sm">
            <span className="font-semibold">{t("topics.browser.offset")}</span>
            <input inputMode="numeric" value={offset} onChange={(e) => setOffset(e.target.value.trim())} className="w-32 rounded border border-slate-400 px-2 py-1 font-mono" />
          </label>
        ) : null}
        {from === "timestamp" ? (
          <label className="flex flex-col text-sm">
            <span className="font-semibold">{t("topics.browser.timestamp")}</span>
            <input type="datetime-local" step="1" value={time} onChange={(e) => setTime(e.target.value)} className="rounded border border-slate-400 px-2 py-1" />
          </label>
        ) : null}
        <label className="flex flex-col text-sm">
          <span className="font-semibold">{t("topics.browser.limit")}</span>
          <select value={limit} onChange={(e) => setLimit(Number(e.target.value))} className="rounded border border-slate-400 px-2 py-1">
            {[20, 50, 100, 500].map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
        <Button type="submit">{t("topics.browser.load")}</Button>
        {formError ? <p role="alert" className="w-full text-sm text-red-800">{formError}</p> : null}
      </form>

      {page.isPending ? (
        <p role="status" className="text-slate-700">{t("topics.browser.loading")}</p>
      ) : page.isError && !data ? (
        <div role="alert" className="rounded-lg border border-red-300 bg-red-50 p-4">
          <p className="font-semibold text-red-900">{t("topics.browser.errorTitle")}</p>
          <p className="mt-1 text-red-900">{errorText(page.error)}</p>
          <Button className="mt-3" onClick={() => void page.refetch()} disabled={page.isFetching}>
            {t("common.retry")}
          </Button>
        </div>
      ) : data ? (
        <div className="space-y-2">
          <div className="flex flex-wrap items-center gap-3">
            <Button variant="ghost" disabled={!data.before || page.isFetching} onClick={() => data.before && go("before", data.before)}>
              {t("topics.browser.older")}
            </Button>
            <Button variant="ghost" disabled={!data.after || page.isFetching} onClick={() => data.after && go("after", data.after)}>
              {t("topics.browser.newer")}
            </Button>
            <span className="text-sm text-slate-700" data-testid="browser-count">
              {t("topics.browser.showing", { count: data.messages.length })}
            </span>
            {page.isFetching ? <span role="status" className="text-sm text-slate-600">{t("common.loading")}</span> : null}
            {page.isError ? <span className="text-sm text-red-800">{errorText(page.error)}</span> : null}
          </div>
          {data.incomplete ? <p className="text-sm text-amber-800">{t("topics.browser.incomplete")}</p> : null}
          {data.messages.length === 0 ? (
            <p className="rounded-lg border border-dashed border-slate-400 bg-white p-6 text-slate-700">{t("topics.browser.empty")}</p>
          ) : (
            <ol className="rounded-lg border border-slate-300 bg-white">
              {items.map((item) => (
                <MessageRow key={item.message.id} item={item} />
              ))}
            </ol>
          )}
        </div>
      ) : null}
    </Section>
  );
}
