"use client";

import { useVirtualizer } from "@tanstack/react-virtual";
import { memo, useCallback, useRef, useState, type FormEvent } from "react";
import { useErrorText, useLocale, useT } from "@/components/i18n/I18nProvider";
import { Button } from "@/components/ui/Button";
import { DEFAULT_MAX_KEPT, type TailItem } from "@/data/topics/tail-buffer";
import { useTopicTail, type TailStatus } from "@/data/topics/use-topic-tail";
import { CHANGE_OPS, type ChangeOp } from "@/lib/debezium/shared/types";
import type { TailFilter } from "@/lib/kafka/shared/tail-filter";
import { MessageDetails } from "./MessageDetails";
import { MessageSummary } from "./MessageSummary";
import { formatNumber, formatTime } from "@/components/ui/format";
import type { TailKafkaState } from "@/lib/kafka/shared/message-types";

const STATUS_CLASS: Record<TailStatus, string> = {
  connecting: "bg-slate-200 text-slate-900",
  live: "bg-emerald-700 text-white",
  reconnecting: "bg-amber-400 text-slate-950",
  failed: "bg-red-700 text-white",
};
const MAX_CHOICES = [1000, DEFAULT_MAX_KEPT, 20000];
/** Height of a collapsed row (one line); expanded rows are measured. */
const ROW_ESTIMATE = 44;
const FILTER_OPS: ChangeOp[] = CHANGE_OPS.filter((op) => op !== "m");

/** The live tail page: one SSE stream, server-side filters, pause/clear/export, a virtualized list. */
export function LiveTail({ topic }: { topic: string }) {
  const [attempt, setAttempt] = useState(0);
  return <LiveTailView key={attempt} topic={topic} onRetry={() => setAttempt((a) => a + 1)} />;
}

function FilterForm({ applied, onApply }: { applied: Partial<TailFilter>; onApply: (f: Partial<TailFilter>) => void }) {
  const t = useT();
  const [ops, setOps] = useState<ChangeOp[]>(applied.op ?? []);
  const [key, setKey] = useState(applied.key ?? "");
  const [field, setField] = useState(applied.field ?? "");
  const [value, setValue] = useState(applied.value ?? "");
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onApply({ op: ops, key: key.trim() || undefined, ...(field.trim() ? { field: field.trim(), value } : {}) });
  };
  return (
    <form onSubmit={submit} className="flex flex-wrap items-end gap-4 rounded-lg border border-slate-300 bg-white p-3" aria-label={t("topics.tail.filters")}>
      <fieldset className="flex flex-wrap items-center gap-3">
        <legend className="mb-1 text-sm font-semibold text-slate-800">{t("topics.tail.ops")}</legend>
        {FILTER_OPS.map((op) => (
          <label key={op} className="flex items-center gap-1 text-sm">
            <input type="checkbox" checked={ops.includes(op)} onChange={(e) => setOps((cur) => (e.target.checked ? [...cur, op] : cur.filter((x) => x !== op)))} />
            <span className="font-mono font-bold">{op}</span> <span className="text-slate-700">{t(`topics.change.ops.${op}`)}</span>
          </label>
        ))}
      </fieldset>
      <label className="flex flex-col text-sm">
        <span className="font-semibold text-slate-800">{t("topics.tail.keyContains")}</span>
        <input value={key} onChange={(e) => setKey(e.target.value)} maxLength={200} className="rounded border border-slate-400 px-2 py-1 font-mono" />
      </label>
      <div className="flex items-end gap-1 text-sm">
        <label className="flex flex-col">
          <span className="font-semibold text-slate-800">{t("topics.tail.field")}</span>
          <input value={field} onChange={(e) => setField(e.target.value)} maxLength={100} placeholder="nome" className="w-32 rounded border border-slate-400 px-2 py-1 font-mono" />
        </label>
        <span className="pb-1.5">=</span>
        <label className="flex flex-col">
          <span className="font-semibold text-slate-800">{t("topics.tail.value")}</span>
          <input value={value} onChange={(e) => setValue(e.target.value)} maxLength={500} className="w-40 rounded border border-slate-400 px-2 py-1 font-mono" />
        </label>
      </div>
      <div className="flex gap-2">
        <Button type="submit">{t("topics.tail.applyFilters")}</Button>
        <Button
          variant="ghost"
          onClick={() => {
            setOps([]);
            setKey("");
            setField("");
            setValue("");
            onApply({ op: [] });
          }}
        >
          {t("topics.tail.clearFilters")}
        </Button>
      </div>
      <p className="w-full text-xs text-slate-600">{t("topics.tail.filtersHint")}</p>
    </form>
  );
}

/** The server's consumer lost Kafka (reconnecting since…) or came back (resumed at…, after…, offsets skipped). */
function KafkaStateNote({ state }: { state: TailKafkaState }) {
  const t = useT();
  const locale = useLocale();
  if (state.state === "reconnecting") {
    return (
      <p role="status" data-testid="tail-kafka-state" data-state="reconnecting" className="rounded border border-amber-400 bg-amber-50 px-3 py-2 text-sm font-medium text-amber-950">
        {t("topics.tail.kafkaDown", { since: formatTime(locale, state.since) })}
      </p>
    );
  }
  return (
    <p role="status" data-testid="tail-kafka-state" data-state="resumed" className="rounded border border-emerald-600 bg-emerald-50 px-3 py-2 text-sm font-medium text-emerald-950">
      {t("topics.tail.kafkaResumed", { at: formatTime(locale, state.at), seconds: formatNumber(locale, Math.round(state.downMs / 100) / 10), skipped: formatNumber(locale, state.skipped) })}
    </p>
  );
}

function MarkerRow({ item }: { item: Exclude<TailItem, { kind: "message" }> }) {
  const t = useT();
  return (
    <div role="note" data-testid={`tail-${item.kind}`} className="rounded border border-amber-400 bg-amber-50 px-3 py-2 text-sm font-medium text-amber-950">
      {item.kind === "skipped"
        ? t("topics.tail.skipped", { count: item.count })
        : t("topics.tail.gap", { count: item.gap.count, partition: item.gap.partition, from: item.gap.fromOffset, to: item.gap.toOffset })}
    </div>
  );
}

/** One entry of the live tail. Memoized: a new frame re-renders only the rows whose entry or state changed. */
const TailRow = memo(function TailRow({ item, expanded, onToggle }: { item: TailItem; expanded: boolean; onToggle: (seq: number) => void }) {
  if (item.kind !== "message") return <MarkerRow item={item} />;
  const v = item.message.value;
  return (
    <div data-testid="tail-row" data-op={v.kind === "change" ? v.op : v.kind} data-id={item.message.id}>
      <button
        type="button"
        aria-expanded={expanded}
        className="flex w-full items-center gap-2 rounded px-1 py-1 text-left hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-sky-600"
        onClick={() => onToggle(item.seq)}
      >
        <span aria-hidden="true" className="w-3 text-slate-500">
          {expanded ? "▾" : "▸"}
        </span>
        <MessageSummary message={item.message} comparison={item.comparison} lastSeen={item.lastSeen} />
      </button>
      {expanded ? (
        <div className="px-6 pt-2 pb-3">
          <MessageDetails message={item.message} comparison={item.comparison} lastSeen={item.lastSeen} />
        </div>
      ) : null}
    </div>
  );
});

function LiveTailView({ topic, onRetry }: { topic: string; onRetry: () => void }) {
  const t = useT();
  const locale = useLocale();
  const errorText = useErrorText();
  const [filter, setFilter] = useState<Partial<TailFilter>>({ op: [] });
  const [max, setMax] = useState(DEFAULT_MAX_KEPT);
  const tail = useTopicTail(topic, filter, max);
  const [expanded, setExpanded] = useState<Set<number>>(() => new Set());
  const scrollRef = useRef<HTMLDivElement>(null);

  // Newest first: the room sees each new event at the top without scrolling.
  const { items } = tail;
  const count = items.length;
  const itemAt = (index: number) => items[count - 1 - index]!;
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Virtual is not compiler-safe; this component is not memoized by the compiler
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_ESTIMATE,
    overscan: 8,
    getItemKey: (index) => itemAt(index).seq,
    // At 1,000 events/s every visible row is new on every frame. The default reads offsetHeight of each new row,
    // forcing a layout per row; the ResizeObserver reports the real size within the frame anyway.
    measureElement: (element, entry, instance) => {
      const box = entry?.borderBoxSize?.[0];
      if (box) return Math.round(box.blockSize);
      return instance.itemSizeCache.get(instance.options.getItemKey(instance.indexFromElement(element))) ?? ROW_ESTIMATE;
    },
  });
  const toggle = useCallback((seq: number) => {
    setExpanded((cur) => {
      const next = new Set(cur);
      if (!next.delete(seq)) next.add(seq);
      return next;
    });
  }, []);


  const exportShown = () => {
    const blob = new Blob([tail.exportJsonLines()], { type: "application/x-ndjson" });
    const a = document.createElement("a");
    a.href = URL.createObjectURL(blob);
    a.download = `${topic}-${new Date().toISOString().replace(/[:.]/g, "-")}.jsonl`;
    a.click();
    setTimeout(() => URL.revokeObjectURL(a.href), 10_000);
  };

  return (
    <section className="space-y-3" aria-label={t("topics.tail.heading", { topic })}>
      <div className="flex flex-wrap items-center gap-3">
        <span data-testid="tail-status" data-status={tail.status} className={`rounded-full px-3 py-1 text-sm font-semibold ${STATUS_CLASS[tail.status]}`}>
          {t(`topics.tail.status.${tail.status}`)}
        </span>
        {tail.ready ? (
          <span className="text-sm text-slate-700">{t("topics.tail.readyInfo", { partitions: tail.ready.partitions.length, buffer: tail.ready.bufferSize })}</span>
        ) : null}
        <span className="text-sm text-slate-700 tabular-nums" data-testid="tail-counts">
          {t("topics.tail.counts", { shown: tail.shown, received: tail.received })}
        </span>
        <div className="ml-auto flex flex-wrap items-center gap-2">
          {tail.paused ? (
            <Button onClick={tail.resume}>{t("topics.tail.resume")}</Button>
          ) : (
            <Button onClick={tail.pause}>{t("topics.tail.pause")}</Button>
          )}
          <Button variant="ghost" onClick={tail.clear}>
            {t("topics.tail.clear")}
          </Button>
          <Button variant="ghost" onClick={exportShown} disabled={tail.shown === 0}>
            {t("topics.tail.export")}
          </Button>
          <label className="flex items-center gap-1 text-sm">
            {t("topics.tail.maxKept")}
            <select value={max} onChange={(e) => setMax(Number(e.target.value))} className="rounded border border-slate-400 px-1 py-1">
              {MAX_CHOICES.map((n) => (
                <option key={n} value={n}>
                  {formatNumber(locale, n)}
                </option>
              ))}
            </select>
          </label>
        </div>
      </div>

      {tail.kafka ? <KafkaStateNote state={tail.kafka} /> : null}

      <FilterForm applied={filter} onApply={setFilter} />

      {tail.paused ? (
        <p role="status" className="rounded bg-slate-800 px-3 py-2 text-sm font-medium text-white">
          {t("topics.tail.paused", { count: tail.waiting })}
        </p>
      ) : null}
      {tail.droppedByLimit > 0 ? <p className="text-xs text-slate-600">{t("topics.tail.droppedLocal", { count: tail.droppedByLimit, max })}</p> : null}

      {tail.status === "failed" ? (
        <div role="alert" className="rounded-lg border border-red-300 bg-red-50 p-4">
          <p className="font-semibold text-red-900">{t("topics.tail.failed")}</p>
          {tail.error ? <p className="mt-1 text-red-900">{errorText(tail.error)}</p> : null}
          <Button className="mt-3" onClick={onRetry}>
            {t("common.retry")}
          </Button>
        </div>
      ) : count === 0 ? (
        <p data-testid="tail-empty" role="status" className="rounded-lg border border-dashed border-slate-400 bg-white p-6 text-center text-slate-700">
          {tail.status === "live" ? t("topics.tail.empty") : t("topics.tail.connecting")}
        </p>
      ) : null}

      <div ref={scrollRef} data-testid="tail-list" className="h-[65vh] overflow-auto rounded-lg border border-slate-300 bg-white" hidden={count === 0}>
        <div style={{ height: virtualizer.getTotalSize(), position: "relative" }}>
          {virtualizer.getVirtualItems().map((vi) => {
            const item = itemAt(vi.index);
            return (
              <div
                key={vi.key}
                data-index={vi.index}
                ref={virtualizer.measureElement}
                className="absolute left-0 w-full border-b border-slate-200 px-2 py-1"
                style={{ transform: `translateY(${vi.start}px)` }}
              >
                <TailRow item={item} expanded={expanded.has(item.seq)} onToggle={toggle} />
              </div>
            );
          })}
        </div>
      </div>
    </section>
  );
}
