"use client";

import { useState } from "react";
import { useT } from "@/components/i18n/I18nProvider";
import { Button } from "@/components/ui/Button";
import { ConfirmDialog } from "@/components/ui/ConfirmDialog";
import { useDeleteTopicMutation } from "@/data/topics/use-delete-topic";

/** Operator only: the topic's name typed, and the connectors that read or write it named, before it goes. */
export function DeleteTopicButton({ name, onDeleted }: { name: string; onDeleted?: () => void }) {
  const t = useT();
  const [confirming, setConfirming] = useState(false);
  const mutation = useDeleteTopicMutation();
  return (
    <>
      <Button variant="ghost" className="text-red-800" onClick={() => setConfirming(true)} aria-label={t("topics.delete.buttonFor", { name })}>
        {t("topics.delete.button")}
      </Button>
      {confirming ? (
        <ConfirmDialog
          testId="delete-topic-dialog"
          title={t("topics.delete.buttonFor", { name })}
          confirmLabel={t("topics.delete.yes")}
          mutation={mutation}
          typeToConfirm={name}
          usage={{ topic: name }}
          onCancel={() => setConfirming(false)}
          onConfirm={() => mutation.mutate(name, { onSuccess: () => { setConfirming(false); onDeleted?.(); } })}
        >
          <p>{t("topics.delete.confirm", { name })}</p>
        </ConfirmDialog>
      ) : null}
    </>
  );
}
