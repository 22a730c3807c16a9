"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { useErrorText, useLocale, useT } from "@/components/i18n/I18nProvider";
import { formatNumber, formatPercent, formatTime } from "@/components/ui/format";
import { LoadError, LoadingRows } from "@/components/ui/QueryStates";
import { useTraceQuery } from "@/data/pipeline/use-trace";
import type { TraceView } from "@/lib/pipeline/shared/trace";
import { lakeHref } from "@/components/lake/links";
import { formatLatency } from "./latency";
import { TraceStatusBadge } from "./TraceStatusBadge";

type Stage = "commit" | "topic" | "object";

function Evidence({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <dl className="mt-3 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-lg">
      {rows.map(([k, v]) => (
        <div key={k} className="contents">
          <dt className="font-semibold text-slate-700">{k}</dt>
          <dd className="break-all text-slate-900 tabular-nums">{v}</dd>
        </div>
      ))}
    </dl>
  );
}

/** One trace: three hops with their times, the latency between them, the evidence, and where it stopped. */
export function TraceTimeline({ id }: { id: string }) {
  const t = useT();
  const locale = useLocale();
  const errorText = useErrorText();
  const query = useTraceQuery(id);
  if (query.isPending) return <LoadingRows label={t("trace.detail.loading")} rows={3} rowClassName="h-24" />;
  if (query.isError && !query.data) return <LoadError title={t("trace.detail.errorTitle")} query={query} />;
  const tr: TraceView = query.data;
  const { commit, topic, object } = tr.hops;
  const time = (iso: string) => formatTime(locale, iso, { millis: true });
  const noticed = (iso: string) => t("trace.fields.noticed", { time: time(iso) });
  const reached: Record<Stage, boolean> = { commit: Boolean(commit), topic: Boolean(topic), object: Boolean(object) };
  const next: Stage | null = !commit ? "commit" : !topic ? "topic" : !object ? "object" : null;
  const waitSeconds = next === "topic" ? tr.eventTimeoutS : tr.objectTimeoutS;
  const share = tr.latency.consoleMs !== null && tr.latency.noticedTotalMs ? tr.latency.consoleMs / tr.latency.noticedTotalMs : null;

  const hop = (stage: Stage, at: string | null, evidence: [string, ReactNode][]) => {
    const state = reached[stage] ? "reached" : tr.status === "running" && next === stage ? "waiting" : "missing";
    const ring = state === "reached" ? "border-emerald-500 bg-emerald-50" : state === "waiting" ? "border-sky-500 bg-sky-50" : "border-slate-300 bg-slate-50";
    return (
      <li data-testid={`trace-hop-${stage}`} data-state={state} className={`rounded-lg border-l-8 border p-5 ${ring}`}>
        <div className="flex flex-wrap items-baseline justify-between gap-3">
          <h3 className="text-2xl font-bold text-slate-900">{t(`trace.hops.${stage}`)}</h3>
          {at ? <span className="text-2xl font-semibold tabular-nums text-slate-900">{time(at)}</span> : null}
        </div>
        {state === "reached" ? <Evidence rows={evidence} /> : <p className="mt-2 text-lg text-slate-700">{state === "waiting" ? t("trace.hops.waiting", { seconds: waitSeconds }) : t("trace.hops.notReached")}</p>}
      </li>
    );
  };
  const gap = (testId: string, label: string, ms: number | null) => (
    <li data-testid={testId} className="flex items-center gap-3 pl-6 text-xl text-slate-800">
      <span aria-hidden="true" className="text-3xl">↓</span>
      <span className="font-semibold">{label}</span>
      <span className="text-2xl font-bold tabular-nums">{formatLatency(t, locale, ms)}</span>
    </li>
  );

  return (
    <div className="space-y-5">
      <div className="flex flex-wrap items-center gap-4">
        <h1 className="text-3xl font-bold text-slate-900">{t("trace.detail.title", { id: tr.id })}</h1>
        <TraceStatusBadge status={tr.status} />
        {tr.status === "running" ? <span className="text-base text-slate-700">{t("trace.detail.live")}</span> : null}
      </div>
      <p className="text-xl text-slate-800">{t("trace.detail.summary", { connector: tr.connector, table: tr.table, topic: tr.topic })}</p>
      <p className="text-lg text-slate-800">
        {t("trace.detail.marker")}: <code data-testid="trace-marker" className="rounded bg-slate-100 px-1.5 py-0.5">{tr.marker}</code>
        {" · "}
        {t("trace.detail.startedBy", { user: tr.startedBy ?? "—", time: time(tr.startedAt) })}
      </p>

      <ol className="space-y-3">
        {hop("commit", commit?.at ?? null, commit ? [
          [t("trace.fields.txid"), commit.txid],
          [t("trace.fields.commitLsn"), commit.lsn],
          [t("trace.fields.row"), Object.entries(commit.key).map(([k, v]) => `${k}=${v}`).join(", ")],
          [t("trace.fields.column"), commit.column],
          ["", noticed(commit.noticedAt)],
        ] : [])}
        {gap("trace-latency-commit-topic", t("trace.latency.commitToTopic"), tr.latency.commitToTopicMs)}
        {hop("topic", topic?.brokerAt ?? null, topic ? [
          [t("trace.fields.topic"), topic.topic],
          [t("trace.fields.partitionOffset"), `${topic.partition} / ${topic.offset}`],
          [t("trace.fields.sourceLsn"), topic.lsn ?? "—"],
          [t("trace.fields.sourceTs"), topic.sourceTsMs === null ? "—" : `${topic.sourceTsMs} (${time(new Date(topic.sourceTsMs).toISOString())})`],
          [t("trace.fields.op"), topic.op ?? "—"],
          ["", noticed(topic.noticedAt)],
        ] : [])}
        {gap("trace-latency-topic-object", t("trace.latency.topicToObject"), tr.latency.topicToObjectMs)}
        {hop("object", object?.writtenAt ?? null, object ? [
          [t("trace.fields.sink"), `${object.sink.name}`],
          [t("trace.fields.bucket"), object.bucket],
          [t("trace.fields.key"), <Link key="k" href={lakeHref.object(object.bucket, object.key)} className="text-sky-800 underline" data-testid="trace-object-key">{object.key}</Link>],
          [t("trace.fields.line"), formatNumber(locale, object.line)],
          [t("trace.fields.lastModified"), object.writtenAtErrorMs ? t("trace.fields.lastModifiedSeconds", { time: time(object.lastModified), at: time(object.writtenAt), error: formatNumber(locale, object.writtenAtErrorMs) }) : time(object.lastModified)],
          ["", noticed(object.noticedAt)],
        ] : [])}
      </ol>

      {tr.latency.totalMs !== null ? (
        <p data-testid="trace-total" className="text-2xl font-semibold text-slate-900">
          {t("trace.latency.total")}: {formatLatency(t, locale, tr.latency.totalMs)}
          {share !== null ? ` · ${t("trace.latency.consoleShare")}: ${formatPercent(locale, share)} %` : ""}
        </p>
      ) : null}

      {tr.stop ? (
        <section role="status" data-testid="trace-stop" data-code={tr.stop.code} data-stage={tr.stop.stage} className="rounded-lg border-2 border-amber-500 bg-amber-50 p-5">
          <h2 className="text-2xl font-bold text-amber-950">{t("trace.stopped.title")}</h2>
          {tr.stop.code !== "interrupted" ? (
            <p className="mt-2 text-xl text-amber-950">{t(`trace.stopped.${tr.stop.stage}`, { seconds: tr.stop.stage === "database" ? tr.eventTimeoutS : tr.objectTimeoutS })}</p>
          ) : null}
          <p data-testid="trace-stop-text" className="mt-2 text-xl font-semibold text-amber-950">{t(`trace.stops.${tr.stop.code}`, tr.stop.params)}</p>
          {tr.stop.link ? (
            <Link href={tr.stop.link.href} data-testid="trace-stop-link" data-kind={tr.stop.link.kind} className="mt-3 inline-block rounded-md border border-amber-700 px-4 py-2 text-lg font-semibold text-amber-950 hover:bg-amber-100">
              {t(`trace.links.${tr.stop.link.kind}`)}
            </Link>
          ) : null}
        </section>
      ) : null}
      {tr.error ? (
        <p role="alert" data-testid="trace-error" className="rounded-lg border border-red-400 bg-red-50 p-4 text-xl text-red-900">
          {t("trace.failed", { message: errorText({ code: tr.error.code, params: tr.error.params, message: tr.error.message }) })}
        </p>
      ) : null}
    </div>
  );
}
