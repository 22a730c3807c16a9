"use client";

import { useCanOperate } from "@/components/auth/PrincipalProvider";
import { LoadError, LoadingRows } from "@/components/ui/QueryStates";
import Link from "next/link";
import { useState } from "react";
import { useErrorText, useLocale, useT } from "@/components/i18n/I18nProvider";
import { useTopicsQuery } from "@/data/topics/use-topics-query";
import type { TopicSummary } from "@/lib/kafka/shared/topic-types";
import { BrokersPanel, ReplicationBadges } from "./BrokersPanel";
import { ConsumerGroupsTable } from "./ConsumerGroupsTable";
import { CreateTopicForm } from "./CreateTopicForm";
import { DeleteTopicButton } from "./DeleteTopicButton";
import { SectionHeading } from "./SectionHeading";
import { DataTable } from "@/components/ui/DataTable";
import { formatNumber } from "@/components/ui/format";
import { Section } from "@/components/ui/Section";

const topicHref = (name: string) => `/topics/${encodeURIComponent(name)}`;

function TopicRow({ topic }: { topic: TopicSummary }) {
  const canOperate = useCanOperate();
  const t = useT();
  const locale = useLocale();
  return (
    <tr className="border-t border-slate-200 align-top" data-testid="topic-row" data-topic={topic.name}>
      <td className="px-3 py-2">
        <Link href={topicHref(topic.name)} className="font-mono font-semibold text-sky-800 underline-offset-2 hover:underline">
          {topic.name}
        </Link>
        {topic.internal ? <span className="ml-2 rounded bg-slate-200 px-1.5 text-xs text-slate-800">{t("topics.list.internalBadge")}</span> : null}
        <ReplicationBadges underReplicated={topic.underReplicated} offline={topic.offline} />
      </td>
      <td className="px-3 py-2 tabular-nums">{topic.partitionCount}</td>
      <td className="px-3 py-2 tabular-nums">{topic.replicationFactor}</td>
      <td className="px-3 py-2 tabular-nums" title={topic.messagesEstimated ? t("topics.list.estimatedHint") : undefined}>
        {topic.messagesEstimated ? "≈ " : ""}
        {formatNumber(locale, topic.messages)}
        {topic.messagesEstimated ? <span className="ml-1 text-xs text-slate-600">({t("topics.list.estimated")})</span> : null}
      </td>
      <td className="px-3 py-2 font-mono text-xs">
        {topic.partitions.map((p) => (
          <div key={p.partition}>{t("topics.list.partitionOffsets", { partition: p.partition, low: p.low, high: p.high })}</div>
        ))}
      </td>
      <td className="px-3 py-2">
        <div className="flex flex-wrap gap-2">
          <Link href={`${topicHref(topic.name)}/live`} className="rounded-md bg-emerald-700 px-3 py-1.5 text-sm font-semibold text-white hover:bg-emerald-800">
            {t("topics.list.live")}
          </Link>
          {canOperate && !topic.internal ? <DeleteTopicButton name={topic.name} /> : null}
        </div>
      </td>
    </tr>
  );
}

/** Topics with partitions, offsets and counts; consumer groups with lag; create and delete for operators. */
export function TopicsOverview() {
  const canOperate = useCanOperate();
  const t = useT();
  const errorText = useErrorText();
  const query = useTopicsQuery();
  const [showInternal, setShowInternal] = useState(false);

  if (query.isPending) return <LoadingRows label={t("topics.list.loading")} />;
  if (query.isError && !query.data) {
    return <LoadError title={t("topics.list.errorTitle")} query={query} />;
  }
  const data = query.data!;
  const visible = data.topics.filter((x) => showInternal || !x.internal);
  const hiddenCount = data.topics.length - data.topics.filter((x) => !x.internal).length;

  return (
    <div className="space-y-8">
      {data.brokerList.length > 1 ? <BrokersPanel brokers={data.brokerList} /> : null}
      {canOperate ? <CreateTopicForm brokers={data.brokers} /> : null}
      <section aria-labelledby="topics-list-title" className="space-y-3">
        <SectionHeading id="topics-list-title" title={t("topics.list.heading")} toggle={{ label: t("topics.list.showInternal", { count: hiddenCount }), checked: showInternal, onChange: setShowInternal }}>
          {query.isError ? <span className="text-sm text-amber-800">{t("topics.list.stale", { message: errorText(query.error) })}</span> : null}
        </SectionHeading>
        {visible.length === 0 ? (
          <p className="rounded-lg border border-dashed border-slate-400 bg-white p-6 text-slate-700" data-testid="topics-empty">
            {t("topics.list.empty")}
          </p>
        ) : (
          <DataTable
            testId="topics-table"
            columns={(["name", "partitions", "replication", "messages", "offsets", "actions"] as const).map((c) => ({ key: c, label: t(`topics.list.columns.${c}`) }))}
          >
            {visible.map((topic) => (
              <TopicRow key={topic.name} topic={topic} />
            ))}
          </DataTable>
        )}
      </section>
      <Section heading={t("topics.groups.heading")} headingClassName="text-2xl font-bold text-slate-900" className="space-y-3">
        <ConsumerGroupsTable groups={data.groups} />
        {data.consoleGroups > 0 ? <p className="text-xs text-slate-600">{t("topics.groups.consoleHidden", { count: data.consoleGroups })}</p> : null}
      </Section>
    </div>
  );
}
