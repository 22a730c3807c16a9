"use client";

import { useState } from "react";
import { useErrorText, useT } from "@/components/i18n/I18nProvider";
import { Button } from "@/components/ui/Button";
import { useDeleteTopicMutation } from "@/data/topics/use-delete-topic";

/** Operator only, with a confirmation step that names the topic. */
export function DeleteTopicButton({ name, onDeleted }: { name: string; onDeleted?: () => void }) {
  const t = useT();
  const errorText = useErrorText();
  const [confirming, setConfirming] = useState(false);
  const mutation = useDeleteTopicMutation();
  if (!confirming) {
    return (
      <Button variant="ghost" className="text-red-800" onClick={() => setConfirming(true)} aria-label={t("topics.delete.buttonFor", { name })}>
        {t("topics.delete.button")}
      </Button>
    );
  }
  return (
    <span className="inline-flex flex-wrap items-center gap-2" role="group" aria-label={t("topics.delete.confirm", { name })}>
      <span className="text-sm font-medium text-red-900">{t("topics.delete.confirm", { name })}</span>
      <Button
        className="bg-red-700 hover:bg-red-800"
        disabled={mutation.isPending}
        onClick={() => mutation.mutate(name, { onSuccess: () => { setConfirming(false); onDeleted?.(); } })}
      >
        {mutation.isPending ? t("topics.delete.deleting") : t("topics.delete.yes")}
      </Button>
      <Button variant="ghost" onClick={() => { setConfirming(false); mutation.reset(); }}>
        {t("topics.delete.cancel")}
      </Button>
      {mutation.isError ? <span role="alert" className="w-full text-sm text-red-800">{errorText(mutation.error) || t("common.unknownError")}</span> : null}
    </span>
  );
}
