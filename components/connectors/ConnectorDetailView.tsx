"use client";

import { useCanOperate } from "@/components/auth/PrincipalProvider";
import Link from "next/link";
import { useErrorText, useT } from "@/components/i18n/I18nProvider";
import { Button } from "@/components/ui/Button";
import { Section } from "@/components/ui/Section";
import { useConnectorDetailQuery } from "@/data/connectors/use-connector-detail";
import { errorStatus } from "@/data/fetcher";
import { ConfigPanel } from "./ConfigPanel";
import { DebeziumPanel } from "./DebeziumPanel";
import { DeleteConnector } from "./DeleteConnector";
import { LifecycleActions } from "./LifecycleActions";
import { OffsetsPanel } from "./OffsetsPanel";
import { StateBadge } from "./StateBadge";
import { TaskList } from "./TaskList";
import { TraceBlock } from "./TraceBlock";

/** One connector, refreshed every 2 s: state, actions, tasks with traces, topics, Debezium evidence, config, offsets. */
export function ConnectorDetailView({ cluster, name, justRegistered = false }: { cluster: string; name: string; justRegistered?: boolean }) {
  const canOperate = useCanOperate();
  const t = useT();
  const errorText = useErrorText();
  const query = useConnectorDetailQuery(cluster, name);

  const back = (
    <Link href="/connectors" className="text-sm underline">
      ← {t("connectors.detail.back")}
    </Link>
  );
  if (query.isPending) {
    return (
      <div role="status" aria-live="polite" className="space-y-3">
        {back}
        <span className="sr-only">{t("common.loading")}</span>
        <div aria-hidden="true" className="h-9 w-80 animate-pulse rounded bg-slate-200" />
        <div aria-hidden="true" className="h-32 animate-pulse rounded bg-slate-200" />
      </div>
    );
  }
  if (query.isError && !query.data) {
    const notFound = errorStatus(query.error) === 404;
    return (
      <div className="space-y-3">
        {back}
        <div role="alert" className="rounded-lg border border-red-300 bg-red-50 p-4 text-red-900">
          <p className="font-semibold">{notFound ? t("connectors.detail.notFound", { name }) : t("connectors.detail.loadError")}</p>
          <p className="mt-1 break-words">{errorText(query.error)}</p>
          <Button className="mt-3" onClick={() => void query.refetch()}>
            {t("common.retry")}
          </Button>
        </div>
      </div>
    );
  }
  const c = query.data;
  return (
    <div className="space-y-5" data-testid="connector-detail">
      {back}
      <header className="space-y-1">
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-3xl font-bold break-all">{c.name}</h1>
          <StateBadge state={c.state} testId="connector-state" />
        </div>
        <p className="text-sm text-slate-700">
          {t(`connectors.types.${c.type}`)} · <span className="font-mono text-xs">{c.className}</span>
          {c.version ? ` ${c.version}` : ""} · {t("connectors.detail.worker", { worker: c.workerId ?? "—" })}
        </p>
        {query.isError ? (
          <p role="status" className="text-sm text-amber-800">
            {t("connectors.detail.stale", { message: errorText(query.error) })}
          </p>
        ) : null}
        {justRegistered ? (
          <p role="status" className="rounded border border-emerald-300 bg-emerald-50 p-2 text-sm text-emerald-900" data-testid="registered-banner">
            {t("connectors.detail.registered")}
          </p>
        ) : null}
        {c.trace ? <TraceBlock trace={c.trace} testId="connector-trace" /> : null}
      </header>

      {canOperate ? (
        <LifecycleActions cluster={cluster} name={c.name} state={c.state} />
      ) : (
        <p className="rounded border border-slate-300 bg-slate-50 p-3 text-sm text-slate-700" data-testid="read-only-note">
          {t("connectors.readOnly")}
        </p>
      )}
      <TaskList cluster={cluster} name={c.name} tasks={c.tasks} />

      <Section heading={t("connectors.detail.topics")} headingClassName="text-lg font-semibold" className="rounded-lg border border-slate-300 bg-white p-4">
        <p className="mt-1 text-sm" data-testid="active-topics">
          <span className="text-slate-600">{t("connectors.detail.activeTopics")} </span>
          <span className="font-mono text-xs">{c.activeTopics === null ? t("connectors.detail.trackingOff") : c.activeTopics.join(", ") || t("connectors.detail.noneYet")}</span>
        </p>
        <p className="mt-1 text-sm">
          <span className="text-slate-600">{t("connectors.detail.configuredTopics")} </span>
          <span className="font-mono text-xs">{c.configuredTopics.join(", ") || "—"}</span>
        </p>
      </Section>

      {c.debezium ? <DebeziumPanel cluster={cluster} name={c.name} state={c.state} evidence={c.debezium} /> : null}
      <OffsetsPanel cluster={cluster} name={c.name} type={c.type} />
      <ConfigPanel cluster={cluster} name={c.name} config={c.config} />
      {canOperate ? <DeleteConnector cluster={cluster} name={c.name} /> : null}
    </div>
  );
}
