"use client";

import { useState, type FormEvent } from "react";
import { useT } from "@/components/i18n/I18nProvider";
import { Button } from "@/components/ui/Button";
import { ErrorNote } from "@/components/ui/QueryStates";
import { useCreateTopicMutation } from "@/data/topics/use-create-topic";
import { topicNameIssue } from "@/lib/kafka/shared/topic-name";

/** Operator only: name (checked against Kafka's rules as you type), partitions, replication factor. */
export function CreateTopicForm({ brokers }: { brokers: number }) {
  const t = useT();
  const [name, setName] = useState("");
  const [partitions, setPartitions] = useState(1);
  const [replicationFactor, setReplicationFactor] = useState(1);
  const [touched, setTouched] = useState(false);
  const mutation = useCreateTopicMutation();
  const issue = topicNameIssue(name);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (issue) return;
    mutation.mutate({ name, partitions, replicationFactor }, { onSuccess: () => setName("") });
  };

  return (
    <form onSubmit={submit} noValidate className="rounded-lg border border-slate-300 bg-white p-4" aria-labelledby="create-topic-title" data-testid="create-topic-form">
      <h2 id="create-topic-title" className="text-lg font-bold text-slate-900">
        {t("topics.create.heading")}
      </h2>
      <div className="mt-3 flex flex-wrap items-start gap-4">
        <label className="flex min-w-64 flex-1 flex-col text-sm">
          <span className="font-semibold text-slate-800">{t("topics.create.name")}</span>
          <input
            value={name}
            onChange={(e) => setName(e.target.value)}
            onBlur={() => setTouched(true)}
            aria-invalid={touched && issue !== null}
            aria-describedby="topic-name-help"
            placeholder="aula.eventos"
            className="rounded border border-slate-400 px-2 py-1 font-mono"
          />
          <span id="topic-name-help" className={`mt-1 ${touched && issue ? "font-medium text-red-800" : "text-slate-600"}`}>
            {touched && issue ? t(`topics.create.nameIssues.${issue}`) : t("topics.create.nameHint")}
          </span>
        </label>
        <label className="flex flex-col text-sm">
          <span className="font-semibold text-slate-800">{t("topics.create.partitions")}</span>
          <input type="number" min={1} max={64} value={partitions} onChange={(e) => setPartitions(Math.max(1, Math.min(64, Number(e.target.value) || 1)))} className="w-24 rounded border border-slate-400 px-2 py-1" />
        </label>
        <label className="flex flex-col text-sm">
          <span className="font-semibold text-slate-800">{t("topics.create.replicationFactor")}</span>
          <input type="number" min={1} max={Math.max(1, brokers)} value={replicationFactor} onChange={(e) => setReplicationFactor(Math.max(1, Number(e.target.value) || 1))} className="w-24 rounded border border-slate-400 px-2 py-1" />
          <span className="mt-1 text-slate-600">{t("topics.create.brokers", { count: brokers })}</span>
        </label>
        <Button type="submit" className="mt-5" disabled={mutation.isPending}>
          {mutation.isPending ? t("topics.create.submitting") : t("topics.create.submit")}
        </Button>
      </div>
      <ErrorNote error={mutation.error} className="mt-2 text-sm font-medium text-red-800" />
      {mutation.isSuccess ? (
        <p role="status" className="mt-2 text-sm font-medium text-emerald-800">
          {t("topics.create.created", { name: mutation.data.name })}
        </p>
      ) : null}
    </form>
  );
}
