import Link from "next/link";
import { listAudit } from "@/lib/audit";
import { auditQuerySchema } from "@/lib/audit-query";
import { config } from "@/lib/config";
import { errorText } from "@/i18n/error-text";
import { getI18n } from "@/i18n/server";
import { titleMetadata } from "@/app/area-page";
import { DataTable } from "@/components/ui/DataTable";
import { formatDateTime } from "@/components/ui/format";

export const dynamic = "force-dynamic";

export const generateMetadata = titleMetadata("audit.title");

type Search = Record<string, string | undefined>;

const OUTCOME_STYLE = { ok: "bg-emerald-100 text-emerald-900", error: "bg-red-100 text-red-900", refused: "bg-amber-100 text-amber-900" } as const;

export default async function AuditPage({ searchParams }: { searchParams: Promise<Search> }) {
  const { t, locale, messages } = await getI18n();
  const search = await searchParams;
  const parsed = auditQuerySchema.safeParse(search);
  const query = parsed.success ? parsed.data : auditQuerySchema.parse({});
  const { rows, nextBefore } = await listAudit(query);
  const keep = (extra: Search) => {
    const p = new URLSearchParams();
    for (const [k, v] of Object.entries({ ...search, ...extra })) if (v) p.set(k, v);
    return `/audit?${p.toString()}`;
  };

  return (
    <section className="space-y-4">
      <h1 className="text-3xl font-bold">{t("audit.title")}</h1>
      <p className="text-slate-700">{t("audit.intro")}</p>
      <form method="get" className="flex flex-wrap items-end gap-3 rounded-lg border border-slate-300 bg-white p-3 text-sm">
        <label className="flex flex-col">
          {t("audit.filters.action")}
          <input name="action" defaultValue={search.action ?? ""} className="rounded border border-slate-400 px-2 py-1" />
        </label>
        <label className="flex flex-col">
          {t("audit.filters.target")}
          <input name="target" defaultValue={search.target ?? ""} className="rounded border border-slate-400 px-2 py-1" />
        </label>
        <label className="flex flex-col">
          {t("audit.filters.outcome")}
          <select name="outcome" defaultValue={search.outcome ?? ""} className="rounded border border-slate-400 px-2 py-1">
            <option value="">{t("audit.filters.any")}</option>
            <option value="ok">{t("audit.outcomes.ok")}</option>
            <option value="error">{t("audit.outcomes.error")}</option>
            <option value="refused">{t("audit.outcomes.refused")}</option>
          </select>
        </label>
        <label className="flex flex-col">
          {t("audit.filters.from")}
          <input type="datetime-local" name="from" defaultValue={search.from ?? ""} className="rounded border border-slate-400 px-2 py-1" />
        </label>
        <label className="flex flex-col">
          {t("audit.filters.to")}
          <input type="datetime-local" name="to" defaultValue={search.to ?? ""} className="rounded border border-slate-400 px-2 py-1" />
        </label>
        <button type="submit" className="rounded bg-slate-900 px-3 py-1.5 font-semibold text-white">
          {t("audit.filters.apply")}
        </button>
        <Link href="/audit" className="px-2 py-1.5 underline">
          {t("audit.filters.clear")}
        </Link>
      </form>

      {rows.length === 0 ? (
        <p className="rounded border border-dashed border-slate-400 p-6 text-center text-slate-600">{t("audit.empty")}</p>
      ) : (
        <DataTable
          testId="audit-table"
          columns={(["at", "actor", "role", "client", "action", "target", "outcome", "duration", "details"] as const).map((c) => ({ key: c, label: t(`audit.columns.${c}`), numeric: c === "duration" }))}
        >
          {rows.map((r) => (
            <tr key={r.id} className="border-t border-slate-200 align-top" data-action={r.action} data-outcome={r.outcome}>
              <td className="whitespace-nowrap px-3 py-2">{formatDateTime(locale, r.at)}</td>
              <td className="px-3 py-2">{r.actor}</td>
              <td className="px-3 py-2">{r.role}</td>
              <td className="px-3 py-2 font-mono text-xs">{r.clientIp ?? "—"}</td>
              <td className="px-3 py-2 font-mono text-xs">{r.action}</td>
              <td className="px-3 py-2 font-mono text-xs">{r.target ?? "—"}</td>
              <td className="px-3 py-2">
                <span className={`rounded px-2 py-0.5 text-xs font-semibold ${OUTCOME_STYLE[r.outcome]}`}>{t(`audit.outcomes.${r.outcome}`)}</span>
              </td>
              <td className="whitespace-nowrap px-3 py-2 text-right">{r.durationMs} ms</td>
              <td className="max-w-md px-3 py-2">
                {r.error ? <p className="text-red-800">{errorText(messages, { code: r.errorCode, params: r.errorParams, message: r.error })}</p> : null}
                {r.params ? <pre className="max-h-32 overflow-auto whitespace-pre-wrap break-all font-mono text-xs text-slate-600">{JSON.stringify(r.params)}</pre> : null}
              </td>
            </tr>
          ))}
        </DataTable>
      )}
      <nav className="flex justify-between text-sm">
        {search.before ? (
          <Link href={keep({ before: undefined })} className="underline">
            {t("audit.newer")}
          </Link>
        ) : (
          <span />
        )}
        {nextBefore ? (
          <Link href={keep({ before: nextBefore })} className="underline">
            {t("audit.older")}
          </Link>
        ) : null}
      </nav>
      <p className="text-xs text-slate-500">{t("audit.retention", { days: String(config().auditRetentionDays) })}</p>
    </section>
  );
}
