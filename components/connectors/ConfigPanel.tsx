"use client";

import { useCanOperate } from "@/components/auth/PrincipalProvider";
import { useId, useMemo, useState } from "react";
import { useT } from "@/components/i18n/I18nProvider";
import { Button } from "@/components/ui/Button";
import { ApiError } from "@/data/fetcher";
import { useUpdateConnectorConfigMutation } from "@/data/connectors/use-update-connector-config";
import { diffConfigs, parseDraftJson } from "@/lib/connect/shared/draft";
import { ActionError } from "./ActionError";

/**
 * The config as the server sends it (secrets masked), and an editor that shows what an edit changes before
 * saving. A secret left as the mask keeps its stored value; the server restores it.
 */
export function ConfigPanel({ cluster, name, config }: { cluster: string; name: string; config: Record<string, string> }) {
  const t = useT();
  const id = useId();
  const [editing, setEditing] = useState(false);
  const [text, setText] = useState("");
  const canOperate = useCanOperate();
  const update = useUpdateConnectorConfigMutation(cluster, name);
  const parsed = useMemo(() => (editing ? parseDraftJson(text) : null), [editing, text]);
  const changes = parsed?.ok ? diffConfigs(config, parsed.draft.config) : [];
  const fields = update.error instanceof ApiError ? update.error.fields : {};
  const rows = Object.entries(config).sort(([a], [b]) => a.localeCompare(b));

  return (
    <section aria-labelledby={`${id}-title`} className="rounded-lg border border-slate-300 bg-white p-4" data-testid="config-panel">
      <div className="flex items-center justify-between gap-2">
        <h2 id={`${id}-title`} className="text-lg font-semibold">
          {t("connectors.config.title")}
        </h2>
        {!editing && canOperate ? (
          <Button
            variant="ghost"
            className="border border-slate-400"
            onClick={() => {
              const { name: _n, ...rest } = config;
              setText(JSON.stringify(rest, null, 2));
              update.reset();
              setEditing(true);
            }}
            data-testid="config-edit"
          >
            {t("connectors.config.edit")}
          </Button>
        ) : null}
      </div>
      {!editing ? (
        <table className="mt-2 w-full text-left text-sm">
          <tbody>
            {rows.map(([k, v]) => (
              <tr key={k} className="border-t border-slate-200">
                <th scope="row" className="w-1/3 py-1 pr-3 font-mono text-xs font-normal text-slate-700">
                  {k}
                </th>
                <td className="py-1 font-mono text-xs break-all" data-testid={`config-${k}`}>
                  {v}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <form
          className="mt-2 space-y-3"
          onSubmit={(e) => {
            e.preventDefault();
            if (parsed?.ok && changes.length) update.mutate(parsed.draft.config, { onSuccess: () => setEditing(false) });
          }}
        >
          <label htmlFor={`${id}-json`} className="text-sm text-slate-700">
            {t("connectors.config.editHelp")}
          </label>
          <textarea id={`${id}-json`} rows={16} value={text} onChange={(e) => setText(e.target.value)} spellCheck={false} data-testid="config-json" className="w-full rounded border border-slate-400 p-2 font-mono text-sm" />
          {parsed && !parsed.ok ? (
            <p role="alert" className="text-sm text-red-800">
              {parsed.error.kind === "syntax"
                ? t("connectors.form.jsonSyntax", { line: parsed.error.line, column: parsed.error.column, message: parsed.error.message })
                : parsed.error.code === "badValue"
                  ? t("connectors.form.jsonBadValue", { key: parsed.error.key ?? "" })
                  : t("connectors.form.jsonNotObject")}
            </p>
          ) : null}
          <div data-testid="config-diff">
            <h3 className="text-sm font-semibold">{t("connectors.config.diff", { count: changes.length })}</h3>
            {changes.length ? (
              <ul className="mt-1 space-y-1 font-mono text-xs">
                {changes.map((c) => (
                  <li key={c.key} className={c.kind === "removed" ? "text-red-800" : c.kind === "added" ? "text-emerald-800" : "text-amber-900"}>
                    {c.kind === "added" ? "+ " : c.kind === "removed" ? "− " : "~ "}
                    {c.key}: {c.before ?? "∅"} → {c.after ?? "∅"}
                    {c.secret ? ` (${t("connectors.form.secret")})` : ""}
                    {fields[c.key] ? <span className="block text-red-800">{fields[c.key].join(" · ")}</span> : null}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="text-sm text-slate-600">{t("connectors.config.noChanges")}</p>
            )}
          </div>
          <div className="flex gap-2">
            <Button type="submit" disabled={!parsed?.ok || changes.length === 0 || update.isPending} data-testid="config-save">
              {update.isPending ? t("connectors.config.saving") : t("connectors.config.save")}
            </Button>
            <Button variant="ghost" onClick={() => setEditing(false)}>
              {t("connectors.config.cancel")}
            </Button>
          </div>
          <ActionError error={update.error} />
        </form>
      )}
    </section>
  );
}
