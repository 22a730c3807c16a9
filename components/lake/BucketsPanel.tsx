"use client";

import { useCanOperate } from "@/components/auth/PrincipalProvider";
import { ErrorNote, LoadError, LoadingRows } from "@/components/ui/QueryStates";
import Link from "next/link";
import { useState } from "react";
import { useErrorText, useLocale, useT } from "@/components/i18n/I18nProvider";
import { Button } from "@/components/ui/Button";
import { useBucketAccessQuery } from "@/data/lake/use-bucket-access";
import { useBucketStatsQuery } from "@/data/lake/use-bucket-stats";
import { useBucketsQuery } from "@/data/lake/use-buckets";
import { useDeleteBucketMutation } from "@/data/lake/use-delete-bucket";
import { useSetBucketAccessMutation } from "@/data/lake/use-set-bucket-access";
import type { BucketSummary } from "@/lib/s3/shared/lake-types";
import { ConfirmDialog } from "@/components/ui/ConfirmDialog";
import { CreateBucketForm } from "./CreateBucketForm";
import { useCountOf } from "@/components/ui/useCountOf";
import { formatBytes, formatDateTime } from "@/components/ui/format";
import { lakeHref } from "./links";
import { DataTable } from "@/components/ui/DataTable";

/** The buckets of the S3 server: loading → error (retry) → empty → table; create, count, access, delete. */
export function BucketsPanel() {
  const canOperate = useCanOperate();
  const t = useT();
  const query = useBucketsQuery();
  const buckets = query.data;

  return (
    <div className="space-y-6">
      {canOperate ? <CreateBucketForm existing={buckets?.map((b) => b.name) ?? []} /> : null}
      <section aria-labelledby="lake-buckets-heading" className="space-y-2">
        <div className="flex items-center gap-3">
          <h2 id="lake-buckets-heading" className="text-xl font-bold">
            {t("lake.buckets.heading")}
          </h2>
          {query.isFetching && buckets ? <span className="text-sm text-slate-600">{t("lake.common.refreshing")}</span> : null}
        </div>
        {query.isPending ? (
          <LoadingRows label={t("lake.buckets.loading")} rows={3} rowClassName="h-10" />
        ) : query.isError && !buckets ? (
          <LoadError title={(message) => t("lake.buckets.errorTitle", { message })} query={query} />
        ) : buckets && buckets.length === 0 ? (
          <p className="rounded border border-dashed border-slate-400 p-6 text-center text-slate-700">{t("lake.buckets.empty")}</p>
        ) : (
          <DataTable
            testId="lake-buckets"
            columns={(["name", "created", "contents", "access", ...(canOperate ? (["actions"] as const) : [])] as const).map((c) => ({ key: c, label: t(`lake.buckets.${c}`) }))}
          >
            {buckets?.map((b) => <BucketRow key={b.name} bucket={b} />)}
          </DataTable>
        )}
      </section>
    </div>
  );
}

function BucketRow({ bucket }: { bucket: BucketSummary }) {
  const canOperate = useCanOperate();
  const t = useT();
  const countOf = useCountOf();
  const errorText = useErrorText();
  const locale = useLocale();
  const [counting, setCounting] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const stats = useBucketStatsQuery(bucket.name, "", counting);

  return (
    <tr className="border-t border-slate-200 align-top" data-testid={`bucket-${bucket.name}`}>
      <td className="px-3 py-2">
        <Link href={lakeHref.bucket(bucket.name)} className="font-mono font-semibold text-sky-800 underline">
          {bucket.name}
        </Link>
      </td>
      <td className="px-3 py-2 whitespace-nowrap">{formatDateTime(locale, bucket.createdAt)}</td>
      <td className="px-3 py-2">
        {stats.data ? (
          <span data-testid="bucket-stats">{t("lake.buckets.statsValue", { objects: countOf(stats.data.objects, "lake.nouns.objects"), size: formatBytes(locale, stats.data.bytes) })}</span>
        ) : stats.isError ? (
          <span role="alert" className="text-red-800">
            {errorText(stats.error)}{" "}
            <Button variant="ghost" onClick={() => void stats.refetch()}>
              {t("common.retry")}
            </Button>
          </span>
        ) : counting ? (
          <span role="status">{t("lake.buckets.counting")}</span>
        ) : (
          <Button variant="ghost" className="border border-slate-300" onClick={() => setCounting(true)}>
            {t("lake.buckets.count")}
          </Button>
        )}
      </td>
      <td className="px-3 py-2">
        <AccessCell bucket={bucket.name} />
      </td>
      {canOperate ? (
        <td className="px-3 py-2">
          <Button variant="ghost" className="text-red-800" onClick={() => setDeleting(true)}>
            {t("lake.deleteBucket.button")}
          </Button>
          {deleting ? <DeleteBucketDialog bucket={bucket.name} onClose={() => setDeleting(false)} /> : null}
        </td>
      ) : null}
    </tr>
  );
}

function AccessCell({ bucket }: { bucket: string }) {
  const canOperate = useCanOperate();
  const t = useT();
  const errorText = useErrorText();
  const access = useBucketAccessQuery(bucket);
  const mutation = useSetBucketAccessMutation(bucket);
  if (access.isPending) return <span className="text-slate-600">{t("common.loading")}</span>;
  if (access.isError) return <span className="text-red-800">{errorText(access.error)}</span>;
  const state = access.data.access;
  return (
    <div className="space-y-1" data-testid="bucket-access" data-access={state}>
      <span className={state === "public" ? "font-semibold text-amber-800" : state === "unsupported" ? "text-slate-600 italic" : "text-slate-800"}>
        {t(`lake.access.${state}`)}
      </span>
      {canOperate && state !== "unsupported" ? (
        <div>
          <Button variant="ghost" className="border border-slate-300" disabled={mutation.isPending} onClick={() => mutation.mutate(state !== "public")}>
            {mutation.isPending ? t("lake.common.working") : state === "public" ? t("lake.access.makePrivate") : t("lake.access.makePublic")}
          </Button>
        </div>
      ) : null}
      <ErrorNote error={mutation.error} className="max-w-xs text-xs text-red-800" />
    </div>
  );
}

/** Counts the objects first, then says how many go with the bucket. */
function DeleteBucketDialog({ bucket, onClose }: { bucket: string; onClose: () => void }) {
  const t = useT();
  const countOf = useCountOf();
  const errorText = useErrorText();
  const locale = useLocale();
  const stats = useBucketStatsQuery(bucket, "", true);
  const mutation = useDeleteBucketMutation();
  const count = stats.data?.objects;
  const body = stats.isPending
    ? t("lake.deleteBucket.counting", { bucket })
    : stats.isError
      ? errorText(stats.error)
      : count === 0
        ? t("lake.deleteBucket.empty", { bucket })
        : t("lake.deleteBucket.withObjects", { bucket, count: countOf(count ?? 0, "lake.nouns.objects"), size: formatBytes(locale, stats.data?.bytes ?? 0) });
  return (
    <ConfirmDialog
      testId="delete-bucket-dialog"
      title={t("lake.deleteBucket.title", { bucket })}
      confirmLabel={count ? t("lake.deleteBucket.confirmWithObjects", { count: countOf(count, "lake.nouns.objects") }) : t("lake.deleteBucket.confirm")}
      confirmDisabled={count === undefined}
      mutation={mutation}
      // A bucket with objects loses data: its name typed, and the connectors that write there named.
      typeToConfirm={count ? bucket : undefined}
      usage={{ bucket }}
      onCancel={onClose}
      onConfirm={() => mutation.mutate({ bucket, withObjects: (count ?? 0) > 0, expectedObjects: count }, { onSuccess: onClose })}
    >
      <p>{body}</p>
    </ConfirmDialog>
  );
}
