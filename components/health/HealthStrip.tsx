"use client";

import { useState } from "react";
import { useLabHealthQuery } from "@/data/health/use-lab-health";
import { useRecoveryRefetch } from "@/data/health/use-recovery-refetch";
import { SERVICE_IDS, type ServiceHealth, type ServiceId } from "@/lib/shared/health-types";
import { useErrorText, useLocale, useT } from "@/components/i18n/I18nProvider";
import { Button } from "@/components/ui/Button";
import { DOT_CLASS, serviceState } from "./service-status";
import { formatTime } from "@/components/ui/format";

const DETAILS_ID = "health-details";

/**
 * One chip per lab service, refreshed every 2 s. Loading shows skeleton chips, a first failure shows the
 * error with a retry button, and once there is data a failed background refetch keeps it on screen.
 */
export function HealthStrip() {
  const t = useT();
  const errorText = useErrorText();
  const locale = useLocale();
  const query = useLabHealthQuery();
  useRecoveryRefetch(query.data);
  const [openId, setOpenId] = useState<ServiceId | null>(null);
  const report = query.data;

  const status = report ? "ready" : query.isError ? "error" : "loading";
  const byId = new Map<ServiceId, ServiceHealth>(report?.services.map((s) => [s.id, s]));
  const open = openId ? byId.get(openId) : undefined;

  return (
    <section
      aria-label={t("health.label")}
      data-testid="health-strip"
      data-status={status}
      className="border-b border-slate-300 bg-slate-100"
    >
      <div className="mx-auto max-w-7xl px-4 py-2">
        {report ? (
          <>
            <div className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-[repeat(5,minmax(0,1fr))_auto]">
              {SERVICE_IDS.map((id) => (
                <HealthChip
                  key={id}
                  id={id}
                  service={byId.get(id)}
                  open={openId === id}
                  onToggle={() => setOpenId((current) => (current === id ? null : id))}
                />
              ))}
              <p className="max-w-[7rem] self-center text-xs leading-tight text-slate-600 tabular-nums">
                {t("health.checkedAt", { time: formatTime(locale, report.checkedAt) })}
              </p>
            </div>
            {query.isError ? (
              <p role="status" className="mt-1 text-sm font-medium text-amber-800">
                {t("health.stale", { time: formatTime(locale, report.checkedAt) })}
              </p>
            ) : null}
            {open ? <HealthDetails service={open} onClose={() => setOpenId(null)} /> : null}
          </>
        ) : query.isError ? (
          <div role="alert" className="flex flex-wrap items-center gap-3 py-1">
            <p className="font-medium text-red-800">
              {t("health.errorTitle", { message: errorText(query.error) })}
            </p>
            <Button onClick={() => void query.refetch()} disabled={query.isFetching}>
              {query.isFetching ? t("common.loading") : t("common.retry")}
            </Button>
          </div>
        ) : (
          <div
            role="status"
            aria-live="polite"
            className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-[repeat(5,minmax(0,1fr))_7rem]"
          >
            <span className="sr-only">{t("health.loading")}</span>
            {SERVICE_IDS.map((id) => (
              <span
                key={id}
                aria-hidden="true"
                className="flex h-12 animate-pulse items-center gap-2 rounded-lg border border-slate-300 bg-white px-3"
              >
                <span className="size-3 rounded-full bg-slate-300" />
                <span className="h-3 flex-1 rounded bg-slate-200" />
              </span>
            ))}
          </div>
        )}
      </div>
    </section>
  );
}

function HealthChip({
  id,
  service,
  open,
  onToggle,
}: {
  id: ServiceId;
  service: ServiceHealth | undefined;
  open: boolean;
  onToggle: () => void;
}) {
  const t = useT();
  const name = t(`health.services.${id}`);
  const state = serviceState(service);
  const members = service?.members ? t("health.membersUp", { up: service.members.up, expected: service.members.expected, kind: t(`health.memberKinds.${service.members.kind}`) }) : null;
  const failure = service && !service.up && service.failure ? t(`health.failures.${service.failure}`) : null;
  const tooltip = service
    ? [name, service.endpoint, members, failure, service.reason, service.version].filter(Boolean).join(" — ")
    : name;

  return (
    <button
      type="button"
      data-testid={`health-${id}`}
      data-state={state}
      data-members-up={service?.members?.up}
      data-members-expected={service?.members?.expected}
      aria-expanded={open}
      aria-controls={open ? DETAILS_ID : undefined}
      title={tooltip}
      onClick={onToggle}
      className={`flex w-full min-w-0 items-start gap-2 rounded-lg border bg-white px-3 py-1.5 text-left transition-colors hover:border-slate-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600 ${
        state === "down" ? "border-red-400" : state === "degraded" ? "border-amber-400" : "border-slate-300"
      } ${open ? "ring-2 ring-sky-500" : ""}`}
    >
      <span aria-hidden="true" className={`mt-1.5 size-3 shrink-0 rounded-full ${DOT_CLASS[state]}`} />
      <span className="flex min-w-0 flex-1 flex-col">
        <span className="flex min-w-0 flex-wrap items-baseline gap-x-2 text-sm">
          <span className="font-semibold whitespace-nowrap text-slate-900">{name}</span>
          <span
            className={`whitespace-nowrap ${
              state === "up"
                ? "font-medium text-emerald-800"
                : state === "down"
                  ? "font-bold text-red-700"
                  : state === "degraded"
                    ? "font-bold text-amber-800"
                    : "text-slate-600"
            }`}
          >
            {state === "up" ? t("health.up") : state === "down" ? t("health.down") : state === "degraded" ? t("health.degraded") : t("health.noData")}
          </span>
        </span>
        {members ? (
          <span className={`text-xs tabular-nums ${state === "degraded" ? "font-semibold text-amber-800" : "text-slate-600"}`} data-testid={`health-${id}-members`}>
            {members}
          </span>
        ) : null}
        <span className="flex min-w-0 items-baseline gap-2 text-xs text-slate-600">
          {failure ? <span className="font-semibold whitespace-nowrap text-red-700">{failure}</span> : null}
          {service ? (
            <span className="whitespace-nowrap tabular-nums">{t("health.latency", { ms: Math.round(service.latencyMs) })}</span>
          ) : null}
          {service?.version ? <span className="min-w-0 truncate">{service.version}</span> : null}
        </span>
      </span>
    </button>
  );
}

function HealthDetails({ service, onClose }: { service: ServiceHealth; onClose: () => void }) {
  const t = useT();
  return (
    <div
      id={DETAILS_ID}
      className={`mt-2 rounded-lg border bg-white p-3 text-sm ${!service.up ? "border-red-300" : service.degraded ? "border-amber-300" : "border-slate-300"}`}
    >
      <div className="flex items-start justify-between gap-4">
        <h2 className="font-semibold text-slate-900">{t(`health.services.${service.id}`)}</h2>
        <Button variant="ghost" onClick={onClose}>
          {t("health.closeDetails")}
        </Button>
      </div>
      <dl className="mt-1 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1">
        <dt className="text-slate-600">{t("health.endpoint")}</dt>
        <dd className="font-mono break-all">{service.endpoint}</dd>
        {service.version ? (
          <>
            <dt className="text-slate-600">{t("health.versionLabel")}</dt>
            <dd className="font-mono break-all">{service.version}</dd>
          </>
        ) : null}
        {service.members ? (
          <>
            <dt className="text-slate-600">{t("health.membersLabel")}</dt>
            <dd>
              <ul data-testid={`health-${service.id}-member-list`}>
                {service.members.list.map((m) => (
                  <li key={`${m.name}-${m.endpoint}`} className="flex items-center gap-2" data-up={m.up}>
                    <span aria-hidden="true" className={`size-2 rounded-full ${m.up ? DOT_CLASS.up : DOT_CLASS.down}`} />
                    <span className="font-mono">{m.name === m.endpoint ? m.endpoint : `${m.name} · ${m.endpoint}`}</span>
                    <span className={m.up ? "text-emerald-800" : "font-semibold text-red-700"}>{m.up ? t("health.up") : t("health.down")}</span>
                  </li>
                ))}
              </ul>
            </dd>
          </>
        ) : null}
        {!service.up ? (
          <>
            <dt className="text-slate-600">{t("health.reason")}</dt>
            <dd className="break-all">
              {service.failure ? <span className="font-semibold text-red-700">{t(`health.failures.${service.failure}`)}</span> : null}
              {service.reason ? <span className="block font-mono text-slate-800">{service.reason}</span> : null}
            </dd>
          </>
        ) : null}
      </dl>
    </div>
  );
}
