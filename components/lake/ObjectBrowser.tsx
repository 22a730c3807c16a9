"use client";

import { useCanOperate } from "@/components/auth/PrincipalProvider";
import { ErrorNote, LoadError, LoadingRows } from "@/components/ui/QueryStates";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useState, type DragEvent } from "react";
import { useErrorText, useLocale, useT } from "@/components/i18n/I18nProvider";
import { Button } from "@/components/ui/Button";
import { useBucketStatsQuery } from "@/data/lake/use-bucket-stats";
import { useDeleteObjectsMutation } from "@/data/lake/use-delete-objects";
import { useDeletePrefixMutation } from "@/data/lake/use-delete-prefix";
import { useObjectsPageQuery } from "@/data/lake/use-objects-page";
import { useUploadQueue } from "@/data/lake/use-upload-queue";
import type { DeleteResult } from "@/lib/s3/shared/lake-types";
import { parentPrefix } from "@/lib/s3/shared/paths";
import { ConfirmDialog } from "@/components/ui/ConfirmDialog";
import { useCountOf } from "@/components/ui/useCountOf";
import { formatBytes, formatNumber } from "@/components/ui/format";
import { lakeHref } from "./links";
import { ObjectCells, ObjectTableHead } from "./ObjectTable";
import { PartitionChip } from "./PartitionChip";
import { UploadList } from "./UploadList";

const PAGE_SIZES = [100, 200, 500, 1000];

/**
 * One folder of a bucket, a page at a time (continuation tokens, kept in a stack to go back), with a prefix
 * filter, selection, deletes and drag-and-drop upload into the folder.
 */
const EMPTY_SELECTION: Set<string> = new Set();

export function ObjectBrowser({ bucket, prefix }: { bucket: string; prefix: string }) {
  const canOperate = useCanOperate();
  const t = useT();
  const countOf = useCountOf();
  const locale = useLocale();
  const router = useRouter();
  const [filterInput, setFilterInput] = useState("");
  const [filter, setFilter] = useState("");
  const [maxKeys, setMaxKeys] = useState(200);
  // Tokens of the pages seen so far (a stack, to go back); they belong to one filter and page size.
  const scope = `${filter}\u0000${maxKeys}`;
  const [paging, setPaging] = useState<{ scope: string; tokens: (string | null)[]; index: number }>({ scope, tokens: [null], index: 0 });
  const current = paging.scope === scope ? paging : { scope, tokens: [null], index: 0 };
  const pageIndex = current.index;
  const [selection, setSelection] = useState<{ scope: string; keys: Set<string> }>({ scope, keys: new Set() });
  // Another folder, filter or page size starts with nothing selected.
  const selected = selection.scope === scope ? selection.keys : EMPTY_SELECTION;
  const setSelected = (next: Set<string> | ((prev: Set<string>) => Set<string>)) =>
    setSelection((s) => ({ scope, keys: typeof next === "function" ? next(s.scope === scope ? s.keys : EMPTY_SELECTION) : next }));
  const [dialog, setDialog] = useState<"selected" | "folder" | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const uploads = useUploadQueue(bucket);

  // The filter applies after the person stops typing; a new filter or page size starts again at page 1.
  useEffect(() => {
    const id = setTimeout(() => setFilter(filterInput), 300);
    return () => clearTimeout(id);
  }, [filterInput]);

  const query = useObjectsPageQuery(bucket, { prefix, filter, maxKeys, token: current.tokens[pageIndex] ?? null });
  // A bucket that does not exist (deleted, mistyped) offers no upload or delete: there is nowhere to put files.
  const bucketMissing = query.isError && (query.error as { code?: unknown } | null)?.code === "no_such_bucket";
  const canChange = canOperate && !bucketMissing;
  const page = query.data;
  const pageIsCurrent = page && !query.isPlaceholderData;

  const goNext = () => {
    if (!page?.nextToken) return;
    setPaging({ scope, tokens: [...current.tokens.slice(0, pageIndex + 1), page.nextToken], index: pageIndex + 1 });
    setSelected(new Set());
  };
  const goPrevious = () => {
    setPaging({ ...current, index: Math.max(0, pageIndex - 1) });
    setSelected(new Set());
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    if (!canChange) return;
    // Folders dropped from the file manager have no bytes to send: keep files only.
    const files = [...e.dataTransfer.items]
      .filter((item) => item.kind === "file" && (item.webkitGetAsEntry?.()?.isFile ?? true))
      .map((item) => item.getAsFile())
      .filter((f): f is File => f !== null);
    if (files.length > 0) uploads.add(files, prefix);
  };

  const toggle = (key: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(key)) next.delete(key);
      else next.add(key);
      return next;
    });
  const objects = page?.objects ?? [];
  const allSelected = objects.length > 0 && objects.every((o) => selected.has(o.key));

  return (
    <div
      className={`space-y-3 rounded-b-lg rounded-tr-lg border bg-white p-3 ${dragging ? "border-2 border-dashed border-sky-600 bg-sky-50" : "border-slate-300"}`}
      onDragOver={(e) => {
        if (!canChange) return;
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={(e) => {
        if (e.currentTarget === e.target) setDragging(false);
      }}
      onDrop={onDrop}
      data-testid="lake-browser"
    >
      <div className="flex flex-wrap items-end gap-3">
        <label className="flex flex-col text-sm">
          {t("lake.browser.filter")}
          <span className="mt-1 flex items-center rounded border border-slate-400 font-mono">
            <span className="max-w-xs truncate bg-slate-100 px-2 py-1 text-slate-600">{prefix || "/"}</span>
            <input value={filterInput} onChange={(e) => setFilterInput(e.target.value)} placeholder={t("lake.browser.filterPlaceholder")} className="w-48 px-2 py-1" spellCheck={false} />
          </span>
        </label>
        <label className="flex flex-col text-sm">
          {t("lake.browser.pageSize")}
          <select value={maxKeys} onChange={(e) => setMaxKeys(Number(e.target.value))} className="mt-1 rounded border border-slate-400 px-2 py-1">
            {PAGE_SIZES.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
        {canChange ? (
          <div className="ml-auto flex flex-wrap gap-2" data-testid="lake-actions">
            <label className="inline-flex cursor-pointer items-center rounded-md bg-slate-900 px-3 py-1.5 text-sm font-semibold text-white hover:bg-slate-700 focus-within:outline-2 focus-within:outline-sky-600">
              {t("lake.upload.button")}
              <input
                type="file"
                multiple
                className="sr-only"
                data-testid="lake-upload-input"
                onChange={(e) => {
                  const files = [...(e.target.files ?? [])];
                  if (files.length) uploads.add(files, prefix);
                  e.target.value = "";
                }}
              />
            </label>
            <Button variant="ghost" className="border border-slate-300 text-red-800" disabled={selected.size === 0} onClick={() => setDialog("selected")}>
              {t("lake.browser.deleteSelected", { count: selected.size })}
            </Button>
            {prefix ? (
              <Button variant="ghost" className="border border-slate-300 text-red-800" onClick={() => setDialog("folder")}>
                {t("lake.browser.deleteFolder")}
              </Button>
            ) : null}
          </div>
        ) : null}
      </div>
      {canChange ? <p className="text-sm text-slate-600">{t("lake.upload.hint", { prefix: prefix || "/" })}</p> : null}
      <UploadList uploads={uploads} />
      {notice ? (
        <p role="status" className="rounded border border-emerald-300 bg-emerald-50 p-2 text-sm text-emerald-900">
          {notice}
        </p>
      ) : null}

      {query.isPending ? (
        <LoadingRows label={t("lake.browser.loading")} rows={4} rowClassName="h-8" />
      ) : query.isError && !page ? (
        <LoadError title={(message) => t("lake.browser.errorTitle", { message })} query={query} />
      ) : page && page.folders.length === 0 && page.objects.length === 0 && pageIndex === 0 ? (
        <p className="rounded border border-dashed border-slate-400 p-6 text-center text-slate-700" data-testid="lake-empty">
          {filter ? t("lake.browser.emptyFiltered", { filter }) : t("lake.browser.empty")}
        </p>
      ) : page ? (
        <>
          <ErrorNote error={query.error} text={(message) => t("lake.browser.errorTitle", { message })} className="text-sm text-red-800" />
          <div className={`overflow-x-auto ${pageIsCurrent ? "" : "opacity-60"}`} aria-busy={!pageIsCurrent}>
            <table className="min-w-full text-left text-sm" data-testid="lake-objects">
              <ObjectTableHead
                lead={
                  canOperate ? (
                    <th className="w-8 px-2 py-2">
                      <input type="checkbox" aria-label={t("lake.browser.selectAll")} checked={allSelected} onChange={() => setSelected(allSelected ? new Set() : new Set(objects.map((o) => o.key)))} />
                    </th>
                  ) : null
                }
              />
              <tbody>
                {page.folders.map((f) => (
                  <tr key={f.prefix} className="border-t border-slate-200" data-testid="lake-folder" data-prefix={f.prefix}>
                    {canOperate ? <td /> : null}
                    <td className="px-3 py-1.5">
                      <Link href={lakeHref.bucket(bucket, f.prefix)} className="inline-flex items-center gap-2 font-mono text-sky-800 underline">
                        {f.partition ? (
                          <PartitionChip partition={f.partition} label={t("lake.browser.partition")} />
                        ) : (
                          <>
                            <span aria-hidden="true">📁</span>
                            <span>{f.name}/</span>
                            <span className="sr-only">{t("lake.browser.folder")}</span>
                          </>
                        )}
                      </Link>
                    </td>
                    <td className="px-3 py-1.5 text-right text-slate-500">—</td>
                    <td className="px-3 py-1.5 text-slate-500">—</td>
                  </tr>
                ))}
                {objects.map((o) => (
                  <tr key={o.key} className="border-t border-slate-200" data-testid="lake-object" data-key={o.key}>
                    {canOperate ? (
                      <td className="px-2 py-1.5">
                        <input type="checkbox" aria-label={t("lake.browser.selectRow", { name: o.name })} checked={selected.has(o.key)} onChange={() => toggle(o.key)} />
                      </td>
                    ) : null}
                    <ObjectCells bucket={bucket} object={o} />
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="flex flex-wrap items-center gap-3 text-sm">
            <Button variant="ghost" className="border border-slate-300" disabled={pageIndex === 0} onClick={goPrevious}>
              {t("lake.browser.previous")}
            </Button>
            <span data-testid="lake-page" aria-live="polite">
              {t("lake.browser.pageInfo", { page: pageIndex + 1, count: formatNumber(locale, page.folders.length + page.objects.length) })}
            </span>
            <Button variant="ghost" className="border border-slate-300" disabled={!page.nextToken || !pageIsCurrent} onClick={goNext}>
              {t("lake.browser.next")}
            </Button>
            {query.isFetching ? <span className="text-slate-600">{t("lake.common.refreshing")}</span> : null}
          </div>
        </>
      ) : null}

      {dialog === "selected" ? (
        <DeleteSelectedDialog
          bucket={bucket}
          keys={[...selected]}
          onClose={() => setDialog(null)}
          onDone={(r) => {
            setSelected(new Set());
            setNotice(t("lake.deleteObjects.done", { count: countOf(r.deleted, "lake.nouns.objects") }));
            setDialog(null);
          }}
        />
      ) : null}
      {dialog === "folder" ? (
        <DeleteFolderDialog
          bucket={bucket}
          prefix={prefix}
          onClose={() => setDialog(null)}
          onDone={() => {
            setDialog(null);
            router.push(lakeHref.bucket(bucket, parentPrefix(prefix)));
          }}
        />
      ) : null}
    </div>
  );
}

function resultError(r: DeleteResult): string | null {
  if (r.errors.length === 0) return null;
  const first = r.errors[0];
  return `${r.errors.length} × ${first.code}: ${first.key} ${first.message}`;
}

function DeleteSelectedDialog({ bucket, keys, onClose, onDone }: { bucket: string; keys: string[]; onClose: () => void; onDone: (r: DeleteResult) => void }) {
  const t = useT();
  const countOf = useCountOf();
  const errorText = useErrorText();
  const mutation = useDeleteObjectsMutation(bucket);
  const [partial, setPartial] = useState<string | null>(null);
  return (
    <ConfirmDialog
      testId="delete-objects-dialog"
      title={t("lake.deleteObjects.title")}
      confirmLabel={t("lake.deleteObjects.confirm", { count: countOf(keys.length, "lake.nouns.objects") })}
      busy={mutation.isPending}
      error={mutation.isError ? errorText(mutation.error) : partial}
      onCancel={onClose}
      onConfirm={() =>
        mutation.mutate(keys, {
          onSuccess: (r) => {
            const err = resultError(r);
            if (err) setPartial(err);
            else onDone(r);
          },
        })
      }
    >
      <p>{t("lake.deleteObjects.body", { count: countOf(keys.length, "lake.nouns.objects"), bucket })}</p>
      <ul className="mt-2 max-h-40 overflow-y-auto font-mono text-sm text-slate-700">
        {keys.slice(0, 20).map((k) => (
          <li key={k} className="break-all">
            {k}
          </li>
        ))}
        {keys.length > 20 ? <li>{t("lake.deleteObjects.more", { count: keys.length - 20 })}</li> : null}
      </ul>
    </ConfirmDialog>
  );
}

/** Counts the folder's objects on the server (by paging), then deletes them 1,000 at a time. */
function DeleteFolderDialog({ bucket, prefix, onClose, onDone }: { bucket: string; prefix: string; onClose: () => void; onDone: () => void }) {
  const t = useT();
  const countOf = useCountOf();
  const errorText = useErrorText();
  const locale = useLocale();
  const stats = useBucketStatsQuery(bucket, prefix, true);
  const mutation = useDeletePrefixMutation(bucket);
  const [partial, setPartial] = useState<string | null>(null);
  const count = stats.data?.objects;
  return (
    <ConfirmDialog
      testId="delete-prefix-dialog"
      title={t("lake.deletePrefix.title", { prefix })}
      confirmLabel={t("lake.deletePrefix.confirm", { count: countOf(count ?? 0, "lake.nouns.objects") })}
      confirmDisabled={!count}
      busy={mutation.isPending}
      error={stats.isError ? errorText(stats.error) : mutation.isError ? errorText(mutation.error) : partial}
      // A whole folder loses data: its name typed, and the connectors writing into the bucket named.
      typeToConfirm={prefix}
      usage={{ bucket }}
      onCancel={onClose}
      onConfirm={() =>
        mutation.mutate(
          { prefix, expectedObjects: count ?? 0 },
          {
            onSuccess: (r) => {
              const err = resultError(r);
              if (err) setPartial(err);
              else onDone();
            },
          },
        )
      }
    >
      <p data-testid="delete-prefix-count">
        {stats.isPending
          ? t("lake.deletePrefix.counting")
          : count === 0
            ? t("lake.deletePrefix.none", { prefix })
            : count !== undefined
              ? t("lake.deletePrefix.body", { count: countOf(count, "lake.nouns.objects"), size: formatBytes(locale, stats.data?.bytes ?? 0), prefix, bucket })
              : null}
      </p>
    </ConfirmDialog>
  );
}
