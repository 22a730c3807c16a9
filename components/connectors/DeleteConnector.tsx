"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { useT } from "@/components/i18n/I18nProvider";
import { Button } from "@/components/ui/Button";
import { ConfirmDialog } from "@/components/ui/ConfirmDialog";
import { useDeleteConnectorMutation } from "@/data/connectors/use-delete-connector";

/** Delete, only after the person types the connector's name (the server checks it again). */
export function DeleteConnector({ cluster, name }: { cluster: string; name: string }) {
  const t = useT();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const del = useDeleteConnectorMutation(cluster, name);
  return (
    <>
      <Button variant="ghost" className="border border-red-400 text-red-800" onClick={() => setOpen(true)} data-testid="action-delete">
        {t("connectors.delete.open")}
      </Button>
      {open ? (
        <ConfirmDialog
          testId="delete-connector-dialog"
          title={t("connectors.delete.confirm", { name })}
          confirmLabel={t("connectors.delete.confirm", { name })}
          mutation={del}
          typeToConfirm={name}
          onCancel={() => setOpen(false)}
          onConfirm={() => del.mutate(name, { onSuccess: () => router.push("/connectors") })}
        >
          <p>{t("connectors.delete.prompt", { name })}</p>
        </ConfirmDialog>
      ) : null}
    </>
  );
}
