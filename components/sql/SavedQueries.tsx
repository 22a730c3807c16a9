"use client";

import { useT } from "@/components/i18n/I18nProvider";
import { Button } from "@/components/ui/Button";
import { ErrorNote, LoadingRows } from "@/components/ui/QueryStates";
import { useDeleteSavedQueryMutation, useSaveQueryMutation, useSavedQueriesQuery } from "@/data/sql/use-saved-queries";
import type { SavedQuery } from "@/lib/sql/shared/saved-types";
import type { SqlTarget, TableBinding } from "@/lib/sql/shared/types";
import { CardField, SqlCard } from "./Card";

/** The user's own saved queries: save the current one (or update the one opened), open, delete. */
export function SavedQueries({
  current,
  savedId,
  onTitle,
  onSaved,
  onOpen,
}: {
  current: { title: string; sql: string; target: SqlTarget; tables: TableBinding[] };
  savedId: string | undefined;
  onTitle: (title: string) => void;
  onSaved: (id: string) => void;
  onOpen: (q: SavedQuery) => void;
}) {
  const t = useT();
  const list = useSavedQueriesQuery();
  const save = useSaveQueryMutation();
  const remove = useDeleteSavedQueryMutation();
  return (
    <SqlCard id="sql-saved-heading" heading={t("sql.saved.heading")}>
      <div className="flex flex-wrap items-end gap-2">
        <CardField label={t("sql.saved.title")} value={current.title} onChange={onTitle} className="w-72" />
        <Button disabled={save.isPending || !current.title.trim() || !current.sql.trim()} onClick={() => save.mutate({ id: savedId, ...current }, { onSuccess: (q) => onSaved(q.id) })}>
          {save.isPending ? t("sql.saved.saving") : savedId ? t("sql.saved.update") : t("sql.saved.save")}
        </Button>
      </div>
      <ErrorNote error={save.error} text={(message) => t("sql.saved.error", { message })} className="text-sm text-red-900" />
      {list.isPending ? (
        <LoadingRows label={t("sql.saved.loading")} rows={2} rowClassName="h-6" />
      ) : list.isError ? (
        <ErrorNote error={list.error} text={(message) => t("sql.saved.errorTitle", { message })} className="text-sm text-red-900" />
      ) : list.data.length === 0 ? (
        <p className="text-sm text-slate-600">{t("sql.saved.empty")}</p>
      ) : (
        <ul className="space-y-1 text-sm">
          {list.data.map((q) => (
            <li key={q.id} className="flex items-center gap-2">
              <button type="button" className="text-sky-800 underline" onClick={() => onOpen(q)}>
                {q.title}
              </button>
              <span className="text-xs text-slate-500">{q.target}</span>
              <button type="button" className="text-xs text-slate-600 hover:text-red-700" aria-label={t("sql.saved.delete", { title: q.title })} onClick={() => remove.mutate(q.id)}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
    </SqlCard>
  );
}
