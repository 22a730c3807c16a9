"use client";

import { useCanOperate } from "@/components/auth/PrincipalProvider";
import { LoadError, LoadingRows } from "@/components/ui/QueryStates";
import Link from "next/link";
import { useErrorText, useLocale, useT } from "@/components/i18n/I18nProvider";
import { useConnectorsListQuery } from "@/data/connectors/use-connectors-list";
import type { ClusterConnectors, ConnectorSummary } from "@/lib/connect/shared/types";
import { StateBadge } from "./StateBadge";
import { WorkersPanel } from "./WorkersPanel";
import { DataTable } from "@/components/ui/DataTable";
import { formatTime } from "@/components/ui/format";

export function detailHref(cluster: string, name: string): string {
  return `/connectors/${encodeURIComponent(cluster)}/${encodeURIComponent(name)}`;
}

/** Every cluster's connectors, refreshed every 2 s. Loading → error (retry) → empty → table; a refetch never blanks it. */
export function ConnectorsList() {
  const t = useT();
  const errorText = useErrorText();
  const locale = useLocale();
  const query = useConnectorsListQuery();

  if (query.isPending) return <LoadingRows label={t("connectors.loading")} />;
  if (query.isError && !query.data) {
    return <LoadError title={t("connectors.loadError")} query={query} />;
  }
  const data = query.data;
  return (
    <div className="space-y-6" data-testid="connectors-list">
      <p className="text-xs text-slate-600 tabular-nums" aria-live="polite">
        {query.isError
          ? t("connectors.staleError", { message: errorText(query.error), time: formatTime(locale, data.fetchedAt) })
          : t("connectors.updatedAt", { time: formatTime(locale, data.fetchedAt) })}
      </p>
      {data.clusters.map((c) => (
        <ClusterSection key={c.cluster.id} entry={c} showHeading={data.clusters.length > 1} />
      ))}
    </div>
  );
}

function ClusterSection({ entry, showHeading }: { entry: ClusterConnectors; showHeading: boolean }) {
  const t = useT();
  const errorText = useErrorText();
  const canOperate = useCanOperate();
  const { cluster, connectors, workers, error } = entry;
  return (
    <section aria-label={t("connectors.cluster", { slug: cluster.slug, url: cluster.url })} data-testid={`cluster-${cluster.slug}`}>
      {showHeading ? <h2 className="mb-2 text-lg font-semibold">{t("connectors.cluster", { slug: cluster.slug, url: cluster.url })}</h2> : null}
      {workers ? <WorkersPanel workers={workers} /> : null}
      {error ? (
        <p role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-red-900">
          {t("connectors.clusterError", { url: cluster.url, message: errorText(error) })}
        </p>
      ) : connectors.length === 0 ? (
        <div className="rounded border border-dashed border-slate-400 p-6 text-center text-slate-700">
          <p>{t("connectors.empty")}</p>
          {canOperate ? (
            <Link href={`/connectors/register?cluster=${cluster.id}`} className="mt-2 inline-block font-semibold underline">
              {t("connectors.registerCta")}
            </Link>
          ) : null}
        </div>
      ) : (
        <DataTable columns={(["name", "type", "plugin", "state", "tasks", "worker", "topics"] as const).map((col) => ({ key: col, label: t(`connectors.columns.${col}`) }))}>
          {connectors.map((c) => (
            <ConnectorRow key={c.name} c={c} />
          ))}
        </DataTable>
      )}
    </section>
  );
}

function ConnectorRow({ c }: { c: ConnectorSummary }) {
  const t = useT();
  const failedTask = c.tasks.find((task) => task.state === "FAILED");
  return (
    <tr className="border-t border-slate-200 align-top" data-testid={`connector-row-${c.name}`} data-state={c.state}>
      <td className="px-3 py-2 font-medium">
        <Link href={detailHref(c.cluster, c.name)} className="underline">
          {c.name}
        </Link>
      </td>
      <td className="px-3 py-2">{t(`connectors.types.${c.type}`)}</td>
      <td className="px-3 py-2">
        <span className="font-mono text-xs break-all">{c.className}</span>
        {c.version ? <span className="ml-1 text-xs text-slate-600">{c.version}</span> : null}
      </td>
      <td className="px-3 py-2">
        <StateBadge state={c.state} />
        {c.trace ? (
          <p className="mt-1 max-w-xs text-xs break-words text-red-800" title={c.trace.rootCause ?? undefined}>
            {c.trace.summary}
          </p>
        ) : null}
      </td>
      <td className="px-3 py-2">
        {c.tasks.length === 0 ? (
          <span className="text-xs text-slate-600">{t("connectors.noTasks")}</span>
        ) : (
          <ul className="flex flex-wrap gap-1">
            {c.tasks.map((task) => (
              <li key={task.id} className="flex items-center gap-1 text-xs">
                <span className="text-slate-600">#{task.id}</span>
                <StateBadge state={task.state} />
              </li>
            ))}
          </ul>
        )}
        {failedTask?.trace ? (
          <p className="mt-1 max-w-md text-xs break-words text-red-800" title={failedTask.trace.rootCause ?? undefined} data-testid={`connector-row-${c.name}-cause`}>
            {failedTask.trace.summary}
          </p>
        ) : null}
      </td>
      <td className="px-3 py-2 font-mono text-xs">{c.workerId ?? "—"}</td>
      <td className="px-3 py-2 font-mono text-xs break-all">{c.configuredTopics.join(", ") || "—"}</td>
    </tr>
  );
}
