import type { Metadata } from "next";
import Link from "next/link";
import { PageChart } from "@/components/charts/PageChart";
import { TopicDetailView } from "@/components/topics/TopicDetailView";
import { getI18n } from "@/i18n/server";
import { topicFromParams } from "../topic-param";

type Props = { params: Promise<{ topic: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { topic } = await topicFromParams(params);
  return { title: topic };
}

export default async function TopicPage({ params }: Props) {
  const { t } = await getI18n();
  const { topic, issue } = await topicFromParams(params);
  return (
    <div className="space-y-6">
      <nav>
        <Link href="/topics" className="text-sky-800 underline-offset-2 hover:underline">
          ← {t("topics.detail.back")}
        </Link>
      </nav>
      <h1 className="font-mono text-3xl font-bold break-all text-slate-900">{topic}</h1>
      {issue ? (
        <p role="alert" className="rounded-lg border border-red-300 bg-red-50 p-4 text-red-900">
          {t(`topics.create.nameIssues.${issue}`)}
        </p>
      ) : (
        <>
          <PageChart chart="topic" topic={topic} />
          <TopicDetailView topic={topic} />
        </>
      )}
    </div>
  );
}
