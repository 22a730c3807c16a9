"use client";

import { useCanOperate } from "@/components/auth/PrincipalProvider";
import { LoadError, LoadingRows } from "@/components/ui/QueryStates";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useLocale, useT } from "@/components/i18n/I18nProvider";
import { useTopicQuery } from "@/data/topics/use-topic-query";
import { ReplicationBadges } from "./BrokersPanel";
import { ConsumerGroupsTable } from "./ConsumerGroupsTable";
import { DeleteTopicButton } from "./DeleteTopicButton";
import { MessageBrowser } from "./MessageBrowser";
import { SectionHeading } from "./SectionHeading";
import { DataTable } from "@/components/ui/DataTable";
import { formatNumber } from "@/components/ui/format";
import { Section } from "@/components/ui/Section";

/** One topic: partitions with offsets, configuration, the groups reading it, and the message browser. */
export function TopicDetailView({ topic }: { topic: string }) {
  const canOperate = useCanOperate();
  const t = useT();
  const locale = useLocale();
  const router = useRouter();
  const query = useTopicQuery(topic);
  const [showDefaults, setShowDefaults] = useState(false);

  if (query.isPending) return <LoadingRows label={t("common.loading")} rows={1} rowClassName="h-24" />;
  if (query.isError && !query.data) {
    return <LoadError title={t("topics.detail.errorTitle")} query={query} />;
  }
  const d = query.data!;
  const configs = d.configs.filter((c) => showDefaults || !c.isDefault);
  return (
    <div className="space-y-8">
      <div className="flex flex-wrap items-center gap-3">
        <Link href={`/topics/${encodeURIComponent(topic)}/live`} className="rounded-md bg-emerald-700 px-4 py-2 font-semibold text-white hover:bg-emerald-800" data-testid="open-live">
          {t("topics.detail.openLive")}
        </Link>
        <span className="text-slate-800">
          {t("topics.detail.summary", { partitions: d.partitionCount, replication: d.replicationFactor, messages: formatNumber(locale, d.messages) })}
          {d.messagesEstimated ? ` ${t("topics.list.estimatedHint")}` : ""}
          <ReplicationBadges underReplicated={d.underReplicated} offline={d.offline} />
        </span>
        {canOperate && !d.internal ? (
          <span className="ml-auto">
            <DeleteTopicButton name={topic} onDeleted={() => router.push("/topics")} />
          </span>
        ) : null}
      </div>

      <Section heading={t("topics.detail.partitionsHeading")} headingClassName="text-2xl font-bold text-slate-900" className="space-y-2">
        <DataTable
          testId="partitions-table"
          columns={(["partition", "low", "high", "messages", "leader", "replicas", "isr"] as const).map((c) => ({ key: c, label: t(`topics.detail.${c}`) }))}
        >
          {d.partitions.map((p) => (
            <tr
              key={p.partition}
              className={`border-t border-slate-200 tabular-nums ${p.leader < 0 ? "bg-red-50" : p.isr.length < p.replicas.length ? "bg-amber-50" : ""}`}
              data-testid="partition-row"
              data-under-replicated={p.isr.length < p.replicas.length}
            >
              <td className="px-3 py-2">{p.partition}</td>
              <td className="px-3 py-2">{p.low}</td>
              <td className="px-3 py-2">{p.high}</td>
              <td className="px-3 py-2">{formatNumber(locale, Number(p.high) - Number(p.low))}</td>
              <td className="px-3 py-2">{p.leader}</td>
              <td className="px-3 py-2">{p.replicas.join(", ")}</td>
              <td className="px-3 py-2">{p.isr.join(", ")}</td>
            </tr>
          ))}
        </DataTable>
      </Section>

      <MessageBrowser topic={topic} partitions={d.partitions.map((p) => p.partition)} />

      <Section heading={t("topics.detail.groupsHeading")} headingClassName="text-2xl font-bold text-slate-900" className="space-y-2">
        <ConsumerGroupsTable groups={d.groups} />
      </Section>

      <section aria-labelledby="config-title" className="space-y-2">
        <SectionHeading id="config-title" title={t("topics.detail.configHeading")} toggle={{ label: t("topics.detail.showDefaults"), checked: showDefaults, onChange: setShowDefaults }} />
        {configs.length === 0 ? (
          <p className="text-slate-700">{t("topics.detail.allDefaults")}</p>
        ) : (
          <div className="overflow-x-auto rounded-lg border border-slate-300 bg-white">
            <table className="w-full text-sm">
              <tbody>
                {configs.map((c) => (
                  <tr key={c.name} className="border-t border-slate-200">
                    <th scope="row" className="px-3 py-1 text-left font-mono font-medium">{c.name}</th>
                    <td className="px-3 py-1 font-mono break-all">{c.sensitive ? t("topics.detail.sensitive") : (c.value ?? "—")}</td>
                    <td className="px-3 py-1 text-xs text-slate-600">{c.isDefault ? t("topics.detail.configDefault") : t("topics.detail.configOverridden")}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </div>
  );
}
