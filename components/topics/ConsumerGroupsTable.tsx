"use client";

import { useLocale, useT } from "@/components/i18n/I18nProvider";
import { DataTable } from "@/components/ui/DataTable";
import type { ConsumerGroupSummary } from "@/lib/kafka/shared/topic-types";
import { formatNumber } from "@/components/ui/format";

/** Consumer groups with state, members and lag per partition. */
export function ConsumerGroupsTable({ groups }: { groups: ConsumerGroupSummary[] }) {
  const t = useT();
  const locale = useLocale();
  if (groups.length === 0) return <p className="text-slate-700">{t("topics.groups.empty")}</p>;
  return (
    <DataTable testId="groups-table" columns={(["group", "state", "members", "lag"] as const).map((c) => ({ key: c, label: t(`topics.groups.columns.${c}`) }))}>
      {groups.map((g) => (
        <tr key={g.groupId} className="border-t border-slate-200 align-top">
          <td className="px-3 py-2 font-mono">
            {g.groupId}
            {g.protocolType && g.protocolType !== "consumer" ? <span className="ml-2 text-xs text-slate-600">({g.protocolType})</span> : null}
          </td>
          <td className="px-3 py-2">{g.state}</td>
          <td className="px-3 py-2">
            {g.members.length === 0 ? (
              <span className="text-slate-600">{t("topics.groups.noMembers")}</span>
            ) : (
              <ul className="space-y-0.5">
                {g.members.map((m) => (
                  <li key={m.memberId} className="font-mono text-xs">
                    {m.clientId} @ {m.clientHost}
                    {m.assignments.map((a) => ` · ${a.topic}[${a.partitions.join(",")}]`).join("")}
                  </li>
                ))}
              </ul>
            )}
          </td>
          <td className="px-3 py-2">
            <span className="font-semibold tabular-nums">{formatNumber(locale, g.totalLag)}</span>
            {g.lag.length ? (
              <details className="mt-1">
                <summary className="cursor-pointer text-xs text-slate-700">{t("topics.groups.lagPerPartition")}</summary>
                <table className="mt-1 text-xs">
                  <tbody>
                    {g.lag.map((l) => (
                      <tr key={`${l.topic}-${l.partition}`}>
                        <td className="pr-2 font-mono">{l.topic}[{l.partition}]</td>
                        <td className="pr-2 tabular-nums">{l.committed ?? t("topics.groups.noCommitted")} / {l.high}</td>
                        <td className="font-semibold tabular-nums">{l.lag ?? "—"}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </details>
            ) : null}
          </td>
        </tr>
      ))}
    </DataTable>
  );
}
