import type { Metadata } from "next";
import Link from "next/link";
import { LiveTail } from "@/components/topics/LiveTail";
import { getI18n } from "@/i18n/server";
import { topicFromParams } from "../../topic-param";

type Props = { params: Promise<{ topic: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { t } = await getI18n();
  const { topic } = await topicFromParams(params);
  return { title: t("topics.tail.heading", { topic }) };
}

export default async function LiveTailPage({ params }: Props) {
  const { t } = await getI18n();
  const { topic, issue } = await topicFromParams(params);
  return (
    <div className="space-y-4">
      <nav className="flex gap-4">
        <Link href="/topics" className="text-sky-800 underline-offset-2 hover:underline">
          ← {t("topics.detail.back")}
        </Link>
        <Link href={`/topics/${encodeURIComponent(topic)}`} className="text-sky-800 underline-offset-2 hover:underline">
          {t("topics.tail.toDetail")}
        </Link>
      </nav>
      <div>
        <h1 className="text-3xl font-bold break-all text-slate-900">{t("topics.tail.heading", { topic })}</h1>
        <p className="mt-1 max-w-4xl text-slate-800">{t("topics.tail.intro")}</p>
      </div>
      {issue ? (
        <p role="alert" className="rounded-lg border border-red-300 bg-red-50 p-4 text-red-900">
          {t(`topics.create.nameIssues.${issue}`)}
        </p>
      ) : (
        <LiveTail topic={topic} />
      )}
    </div>
  );
}
