"use client";

import { useCanOperate } from "@/components/auth/PrincipalProvider";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useErrorText, useLocale, useT } from "@/components/i18n/I18nProvider";
import { Button } from "@/components/ui/Button";
import { lakeApi } from "@/data/lake/paths";
import { useDeleteObjectsMutation } from "@/data/lake/use-delete-objects";
import { useObjectMetaQuery } from "@/data/lake/use-object-meta";
import { useObjectPreviewQuery } from "@/data/lake/use-object-preview";
import { baseName, parentPrefix } from "@/lib/s3/shared/paths";
import { Breadcrumbs } from "./Breadcrumbs";
import { ConfirmDialog } from "@/components/ui/ConfirmDialog";
import { formatBytes, formatDateTime, formatNumber } from "@/components/ui/format";
import { Section } from "@/components/ui/Section";
import { lakeHref } from "./links";
import { PreviewView } from "./PreviewView";

/** One object: metadata, download (presigned), delete, and its preview inside the page. */
export function ObjectView({ bucket, objectKey }: { bucket: string; objectKey: string }) {
  const canOperate = useCanOperate();
  const t = useT();
  const errorText = useErrorText();
  const locale = useLocale();
  const router = useRouter();
  const meta = useObjectMetaQuery(bucket, objectKey);
  const preview = useObjectPreviewQuery(bucket, objectKey);
  const deletion = useDeleteObjectsMutation(bucket);
  const [confirming, setConfirming] = useState(false);
  const folder = parentPrefix(objectKey);

  return (
    <div className="space-y-4">
      <Breadcrumbs bucket={bucket} prefix={folder} objectName={baseName(objectKey)} />
      <h1 className="font-mono text-2xl font-bold break-all">{baseName(objectKey)}</h1>

      <section aria-labelledby="lake-meta-heading" className="rounded-lg border border-slate-300 bg-white p-4">
        <div className="flex flex-wrap items-center gap-3">
          <h2 id="lake-meta-heading" className="text-lg font-bold">
            {t("lake.object.metadata")}
          </h2>
          <div className="ml-auto flex gap-2">
            <a href={lakeApi.download(bucket, objectKey)} className="rounded-md bg-slate-900 px-3 py-1.5 text-sm font-semibold text-white hover:bg-slate-700" data-testid="lake-download" title={t("lake.object.downloadHint")}>
              {t("lake.object.download")}
            </a>
            {canOperate ? (
              <Button variant="ghost" className="border border-slate-300 text-red-800" onClick={() => setConfirming(true)}>
                {t("lake.object.delete")}
              </Button>
            ) : null}
          </div>
        </div>
        {meta.isPending ? (
          <p role="status" className="mt-2 text-slate-600">
            {t("common.loading")}
          </p>
        ) : meta.isError && !meta.data ? (
          <div role="alert" className="mt-2">
            <p className="font-medium text-red-900">{t("lake.object.errorTitle", { message: errorText(meta.error) })}</p>
            <Button className="mt-2" onClick={() => void meta.refetch()}>
              {t("common.retry")}
            </Button>
          </div>
        ) : meta.data ? (
          <dl className="mt-2 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm" data-testid="lake-meta">
            <dt className="text-slate-600">{t("lake.object.key")}</dt>
            <dd className="font-mono break-all">{objectKey}</dd>
            <dt className="text-slate-600">{t("lake.object.size")}</dt>
            <dd>
              {formatBytes(locale, meta.data.size)} <span className="text-slate-600">({t("lake.object.bytes", { count: formatNumber(locale, meta.data.size) })})</span>
            </dd>
            <dt className="text-slate-600">ETag</dt>
            <dd className="font-mono break-all">{meta.data.etag ?? "—"}</dd>
            <dt className="text-slate-600">{t("lake.object.modified")}</dt>
            <dd>{formatDateTime(locale, meta.data.lastModified)}</dd>
            <dt className="text-slate-600">{t("lake.object.contentType")}</dt>
            <dd className="font-mono">{meta.data.contentType ?? "—"}</dd>
            {meta.data.contentEncoding ? (
              <>
                <dt className="text-slate-600">{t("lake.object.contentEncoding")}</dt>
                <dd className="font-mono">{meta.data.contentEncoding}</dd>
              </>
            ) : null}
            {meta.data.storageClass ? (
              <>
                <dt className="text-slate-600">{t("lake.object.storageClass")}</dt>
                <dd className="font-mono">{meta.data.storageClass}</dd>
              </>
            ) : null}
            <dt className="text-slate-600">{t("lake.object.userMetadata")}</dt>
            <dd>
              {Object.keys(meta.data.userMetadata).length === 0 ? (
                <span className="text-slate-600">{t("lake.object.noUserMetadata")}</span>
              ) : (
                <ul className="font-mono">
                  {Object.entries(meta.data.userMetadata).map(([k, v]) => (
                    <li key={k}>
                      {k}: {v}
                    </li>
                  ))}
                </ul>
              )}
            </dd>
          </dl>
        ) : null}
      </section>

      <Section heading={t("lake.preview.heading")} headingClassName="text-lg font-bold" className="rounded-lg border border-slate-300 bg-white p-4">
        <div className="mt-2">
          {preview.isPending ? (
            <div role="status" className="space-y-2">
              <span className="sr-only">{t("lake.preview.loading")}</span>
              <div aria-hidden="true" className="h-40 animate-pulse rounded bg-slate-200" />
            </div>
          ) : preview.isError && !preview.data ? (
            <div role="alert" className="rounded border border-red-300 bg-red-50 p-3">
              <p className="font-medium text-red-900">{t("lake.preview.errorTitle", { message: errorText(preview.error) })}</p>
              <Button className="mt-2" onClick={() => void preview.refetch()}>
                {t("common.retry")}
              </Button>
            </div>
          ) : preview.data ? (
            <PreviewView preview={preview.data} />
          ) : null}
        </div>
      </Section>

      {confirming ? (
        <ConfirmDialog
          testId="delete-object-dialog"
          title={t("lake.object.deleteTitle")}
          confirmLabel={t("lake.object.delete")}
          busy={deletion.isPending}
          error={deletion.isError ? errorText(deletion.error) : null}
          onCancel={() => setConfirming(false)}
          onConfirm={() =>
            deletion.mutate([objectKey], {
              onSuccess: () => router.push(lakeHref.bucket(bucket, folder)),
            })
          }
        >
          <p>{t("lake.object.deleteBody", { key: objectKey, bucket })}</p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
