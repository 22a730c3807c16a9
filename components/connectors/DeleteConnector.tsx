"use client";

import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { useT } from "@/components/i18n/I18nProvider";
import { Button } from "@/components/ui/Button";
import { useDeleteConnectorMutation } from "@/data/connectors/use-delete-connector";
import { ActionError } from "./ActionError";

/** Delete, only after the person types the connector's name (the server checks it again). */
export function DeleteConnector({ cluster, name }: { cluster: string; name: string }) {
  const t = useT();
  const id = useId();
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [typed, setTyped] = useState("");
  const del = useDeleteConnectorMutation(cluster, name);
  if (!open) {
    return (
      <Button variant="ghost" className="border border-red-400 text-red-800" onClick={() => setOpen(true)} data-testid="action-delete">
        {t("connectors.delete.open")}
      </Button>
    );
  }
  return (
    <form
      className="rounded-lg border border-red-300 bg-red-50 p-4"
      onSubmit={(e) => {
        e.preventDefault();
        del.mutate(typed, { onSuccess: () => router.push("/connectors") });
      }}
    >
      <label htmlFor={id} className="block text-sm text-red-900">
        {t("connectors.delete.prompt", { name })}
      </label>
      <input id={id} value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" data-testid="delete-confirm" className="mt-2 w-full max-w-md rounded border border-red-400 px-2 py-1 font-mono" />
      <div className="mt-3 flex gap-2">
        <Button type="submit" disabled={typed !== name || del.isPending} className="bg-red-800 hover:bg-red-700" data-testid="delete-submit">
          {del.isPending ? t("connectors.delete.deleting") : t("connectors.delete.confirm", { name })}
        </Button>
        <Button variant="ghost" onClick={() => { setOpen(false); setTyped(""); del.reset(); }}>
          {t("connectors.delete.cancel")}
        </Button>
      </div>
      <ActionError error={del.error} />
    </form>
  );
}
