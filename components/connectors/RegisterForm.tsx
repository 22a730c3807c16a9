"use client";

import { useRouter } from "next/navigation";
import { useId, useMemo, useState } from "react";
import { useErrorText, useLocale, useT } from "@/components/i18n/I18nProvider";
import { Button } from "@/components/ui/Button";
import { ApiError } from "@/data/fetcher";
import { useRegisterConnectorMutation } from "@/data/connectors/use-register-connector";
import { useValidateConnectorMutation } from "@/data/connectors/use-validate-connector";
import { applyChangesToJson, draftIssues, draftToJson, parseDraftJson, type ConfigChange, type DraftIssue } from "@/lib/connect/shared/draft";
import { isSecretKey } from "@/lib/shared/secrets";
import type { ClusterRef, ConnectorDraft, ConnectorTemplateView, TemplateId, ValidationReport } from "@/lib/connect/shared/types";
import { detailHref } from "./ConnectorsList";
import { IssueText } from "./IssueText";
import { formatNumber, pluralOf } from "@/components/ui/format";
import { MASK } from "@/lib/shared/secrets";

type Mode = TemplateId | "raw";
interface Field {
  id: number;
  key: string;
  value: string;
}

let nextId = 1;
const toFields = (config: Record<string, string>): Field[] => Object.entries(config).map(([key, value]) => ({ id: nextId++, key, value }));

/**
 * Register a connector from a template (pre-filled for this lab, secrets masked) or from raw JSON (the seed's
 * shape or a flat config). Name, JSON and required keys are checked here first; then Connect validates each
 * field; only a config Connect accepts is created.
 */
export function RegisterForm({
  clusters,
  templates,
  initialCluster,
  initialMode,
}: {
  clusters: ClusterRef[];
  templates: ConnectorTemplateView[];
  initialCluster: string;
  initialMode: Mode;
}) {
  const t = useT();
  const locale = useLocale();
  const errorText = useErrorText();
  const router = useRouter();
  const formId = useId();
  const [cluster, setCluster] = useState(initialCluster);
  const [mode, setMode] = useState<Mode>(initialMode);
  const start = templates.find((x) => x.id === initialMode) ?? templates[0];
  const [template, setTemplate] = useState<TemplateId | undefined>(initialMode === "raw" ? undefined : start.id);
  const [name, setName] = useState(initialMode === "raw" ? "" : start.name);
  const [fields, setFields] = useState<Field[]>(() => (initialMode === "raw" ? [] : toFields(start.config)));
  const [raw, setRaw] = useState("");
  const [checked, setChecked] = useState(false);
  // "Validate" on an empty editor says so instead of doing nothing.
  const [rawEmpty, setRawEmpty] = useState(false);
  const validate = useValidateConnectorMutation(cluster);
  const register = useRegisterConnectorMutation(cluster);

  const parsed = useMemo(() => (mode === "raw" ? parseDraftJson(raw) : null), [mode, raw]);
  const draft: ConnectorDraft | null = useMemo(() => {
    if (mode !== "raw") return { name, config: Object.fromEntries(fields.map((f) => [f.key, f.value])), template };
    if (!parsed?.ok) return null;
    // Pasted JSON is no template's (the audit log said "debezium-postgres" for every paste); a template's JSON
    // opened in the editor still holds its masked secrets, which only its template can restore on the server.
    const fromTemplate = template !== undefined && Object.values(parsed.draft.config).includes(MASK);
    return fromTemplate ? { ...parsed.draft, template } : parsed.draft;
  }, [mode, name, fields, template, parsed]);
  const issues: DraftIssue[] = draft ? draftIssues(draft) : [];

  const serverError = (register.error ?? validate.error) as Error | null;
  const httpError = serverError instanceof ApiError ? serverError : null;
  const report: ValidationReport | null = validate.data && !register.error ? validate.data : null;
  const serverFields: Record<string, string[]> = { ...(report?.fields ?? {}), ...(httpError?.fields ?? {}) };
  const busy = validate.isPending || register.isPending;
  // The course's JSON names Docker services and a sink this lab does not have: the server says what to change.
  const labChanges: ConfigChange[] = (report?.labChanges.length ? report.labChanges : httpError?.labChanges) ?? [];
  const hints = report?.hints ?? [];

  /** Applies the lab's changes to the draft the person sees, then validates it again. */
  function applyLabSettings() {
    let next: ConnectorDraft | null = null;
    if (mode === "raw") {
      const text = applyChangesToJson(raw, labChanges);
      setRaw(text);
      const reparsed = parseDraftJson(text);
      next = reparsed.ok ? { ...reparsed.draft, template } : null;
    } else {
      const byKey = new Map(labChanges.map((c) => [c.key, c]));
      const updated = fields.filter((f) => byKey.get(f.key)?.after !== null).map((f) => (byKey.has(f.key) ? { ...f, value: byKey.get(f.key)!.after! } : f));
      for (const c of labChanges) if (c.kind === "added" && c.after !== null) updated.push({ id: nextId++, key: c.key, value: c.after });
      setFields(updated);
      next = { name, config: Object.fromEntries(updated.map((f) => [f.key, f.value])), template };
    }
    reset();
    if (next) validate.mutate(next);
  }

  function reset() {
    validate.reset();
    register.reset();
  }

  function pick(next: Mode) {
    reset();
    setChecked(false);
    if (next === "raw") {
      if (mode !== "raw") setRaw(draftToJson({ name, config: Object.fromEntries(fields.map((f) => [f.key, f.value])) }));
      setMode("raw");
      return;
    }
    const tpl = templates.find((x) => x.id === next)!;
    setTemplate(tpl.id);
    setName(tpl.name);
    setFields(toFields(tpl.config));
    setMode(next);
  }

  function submit(action: "validate" | "register") {
    setChecked(true);
    reset();
    if (mode === "raw" && !raw.trim()) return setRawEmpty(true);
    if (!draft || issues.length) return; // nothing is sent until the local checks pass
    if (action === "validate") validate.mutate(draft);
    else register.mutate(draft, { onSuccess: (outcome) => router.push(`${detailHref(cluster, outcome.name)}?registered=1`) });
  }

  const fieldMessages = (key: string): string[] => [
    ...(checked ? issues.filter((i) => i.key === key).map((i) => `local:${i.code}`) : []),
    ...(serverFields[key] ?? []),
  ];
  const formKeys = new Set(mode === "raw" ? [] : ["name", ...fields.map((f) => f.key)]);
  const otherServerFields = Object.entries(serverFields).filter(([k]) => !formKeys.has(k));
  // The count says what is listed: Connect counts keys with errors, and a message may be shown on two keys.
  const listedCount = Object.values(serverFields).reduce((n, msgs) => n + msgs.length, 0);

  return (
    <form
      className="space-y-5"
      aria-labelledby={`${formId}-title`}
      onSubmit={(e) => {
        e.preventDefault();
        submit("register");
      }}
    >
      <h1 id={`${formId}-title`} className="text-3xl font-bold">
        {t("connectors.registerTitle")}
      </h1>
      <p className="text-slate-700">{t("connectors.registerIntro")}</p>

      {clusters.length > 1 ? (
        <label className="flex max-w-md flex-col text-sm font-medium">
          {t("connectors.form.cluster")}
          <select value={cluster} onChange={(e) => setCluster(e.target.value)} className="mt-1 rounded border border-slate-400 px-2 py-1.5">
            {clusters.map((c) => (
              <option key={c.id} value={c.id}>
                {c.slug} — {c.url}
              </option>
            ))}
          </select>
        </label>
      ) : null}

      <fieldset>
        <legend className="text-sm font-semibold">{t("connectors.form.source")}</legend>
        <div className="mt-2 flex flex-wrap gap-2" role="radiogroup">
          {([...templates.map((x) => x.id), "raw"] as Mode[]).map((m) => (
            <label
              key={m}
              className={`cursor-pointer rounded-md border px-3 py-2 text-sm has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-sky-600 ${mode === m ? "border-slate-900 bg-slate-900 text-white" : "border-slate-400 bg-white"}`}
            >
              <input type="radio" name="mode" value={m} checked={mode === m} onChange={() => pick(m)} className="sr-only" data-testid={`register-mode-${m}`} />
              {t(`connectors.form.modes.${m}`)}
            </label>
          ))}
        </div>
      </fieldset>

      {mode === "raw" ? (
        <RawEditor raw={raw} onChange={(v) => { reset(); setRawEmpty(false); setRaw(v); }} parsed={parsed} empty={rawEmpty} />
      ) : (
        <div className="space-y-3 rounded-lg border border-slate-300 bg-white p-4">
          <FieldRow label={t("connectors.form.name")} id={`${formId}-name`} value={name} onChange={(v) => { reset(); setName(v); }} messages={fieldMessages("name")} testId="register-name" />
          {fields.map((f) => (
            <FieldRow
              key={f.id}
              label={f.key}
              mono
              id={`${formId}-f${f.id}`}
              value={f.value}
              secret={isSecretKey(f.key)}
              onChange={(v) => {
                reset();
                setFields((all) => all.map((x) => (x.id === f.id ? { ...x, value: v } : x)));
              }}
              onRemove={() => setFields((all) => all.filter((x) => x.id !== f.id))}
              messages={fieldMessages(f.key)}
              testId={`field-${f.key}`}
            />
          ))}
          <AddField onAdd={(key) => setFields((all) => (all.some((x) => x.key === key) ? all : [...all, { id: nextId++, key, value: "" }]))} />
        </div>
      )}

      {checked && mode === "raw" && issues.length ? (
        <ul role="alert" className="list-inside list-disc rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900">
          {issues.map((i, n) => (
            <li key={n}>
              <IssueText code={i.code} field={i.key} />
            </li>
          ))}
        </ul>
      ) : null}

      <div className="flex flex-wrap items-center gap-3">
        <Button variant="ghost" className="border border-slate-400" disabled={busy} onClick={() => submit("validate")} data-testid="register-validate">
          {validate.isPending ? t("connectors.form.validating") : t("connectors.form.validate")}
        </Button>
        <Button type="submit" disabled={busy} data-testid="register-submit">
          {register.isPending ? t("connectors.form.registering") : t("connectors.form.register")}
        </Button>
      </div>

      <div aria-live="polite" data-testid="register-result">
        {labChanges.length ? (
          <div className="mb-2 rounded border border-sky-300 bg-sky-50 p-3 text-sky-950" data-testid="lab-changes">
            <p className="font-semibold">{t("connectors.form.labChangesTitle")}</p>
            <ul className="mt-1 space-y-0.5 font-mono text-xs">
              {labChanges.map((c) => (
                <li key={c.key}>
                  {c.key}: <del className="text-red-800">{c.before ?? "—"}</del> → <ins className="text-emerald-800 no-underline">{c.after ?? "—"}</ins>
                </li>
              ))}
            </ul>
            <Button className="mt-2" onClick={applyLabSettings} disabled={busy} data-testid="use-lab-settings">
              {t("connectors.form.useLabSettings")}
            </Button>
          </div>
        ) : null}
        {hints.map((h) => (
          <p key={`${h.key}-${h.code}`} role="alert" className="mb-2 rounded border border-amber-300 bg-amber-50 p-3 text-amber-950" data-testid="connection-hint">
            <span className="font-mono text-xs">{h.key}</span>: {t(`connectors.hints.${h.code}`, h.params)}
          </p>
        ))}
        {report?.ok ? (
          <p className="rounded border border-emerald-300 bg-emerald-50 p-3 text-emerald-900">
            {t("connectors.form.valid", { className: report.className, type: report.pluginType })}
          </p>
        ) : report && !report.ok ? (
          <p role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-red-900" data-testid="register-invalid">
            {t(`connectors.form.${mode === "raw" ? "invalidRaw" : "invalid"}.${pluralOf(locale, listedCount) === "one" ? "one" : "other"}`, { count: formatNumber(locale, listedCount) })}
          </p>
        ) : null}
        {serverError ? (
          <div role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-red-900" data-code={httpError?.code ?? ""}>
            <p className="font-semibold">{t(httpError?.code === "plugin_not_installed" ? "connectors.form.pluginMissing" : "connectors.form.failed")}</p>
            <p className="mt-1 break-words">{errorText(serverError)}</p>
            {httpError?.plugins.length ? (
              <>
                <p className="mt-2 text-sm font-semibold">{t("connectors.form.installed")}</p>
                <ul className="list-inside list-disc font-mono text-xs">
                  {httpError.plugins.map((p) => (
                    <li key={p.className}>
                      {p.className} ({p.type}
                      {p.version ? ` ${p.version}` : ""})
                    </li>
                  ))}
                </ul>
              </>
            ) : null}
          </div>
        ) : null}
        {otherServerFields.length ? (
          <div className="mt-2 rounded border border-red-300 bg-white p-3 text-sm">
            <p className="font-semibold text-red-900">{t(mode === "raw" ? "connectors.form.rawErrors" : "connectors.form.otherErrors")}</p>
            <ul className="mt-1 space-y-1">
              {otherServerFields.map(([k, msgs]) => (
                <li key={k}>
                  <span className="font-mono text-xs">{k}</span>: <span className="text-red-900">{msgs.join(" · ")}</span>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>
    </form>
  );
}

function FieldRow({
  label,
  id,
  value,
  onChange,
  onRemove,
  messages,
  mono,
  secret,
  testId,
}: {
  label: string;
  id: string;
  value: string;
  onChange: (v: string) => void;
  onRemove?: () => void;
  messages: string[];
  mono?: boolean;
  secret?: boolean;
  testId: string;
}) {
  const t = useT();
  const errId = `${id}-err`;
  return (
    <div className="grid gap-1 sm:grid-cols-[16rem_1fr_auto] sm:items-start">
      <label htmlFor={id} className={`pt-1.5 text-sm ${mono ? "font-mono text-xs" : "font-semibold"}`}>
        {label}
        {secret ? <span className="ml-1 text-xs text-slate-500">({t("connectors.form.secret")})</span> : null}
      </label>
      <div>
        <input
          id={id}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          aria-invalid={messages.length > 0}
          aria-describedby={messages.length ? errId : undefined}
          data-testid={testId}
          type={secret ? "password" : "text"}
          autoComplete={secret ? "new-password" : "off"}
          spellCheck={false}
          className={`w-full rounded border px-2 py-1.5 font-mono text-sm ${messages.length ? "border-red-500" : "border-slate-400"}`}
        />
        {messages.length ? (
          <ul id={errId} className="mt-1 space-y-0.5 text-sm text-red-800" data-testid={`${testId}-errors`}>
            {messages.map((m, n) => (
              <li key={n}>{m.startsWith("local:") ? <IssueText code={m.slice(6) as DraftIssue["code"]} /> : m}</li>
            ))}
          </ul>
        ) : null}
      </div>
      {onRemove ? (
        <button type="button" onClick={onRemove} className="self-start rounded px-2 py-1 text-sm text-slate-600 hover:bg-slate-100" aria-label={t("connectors.form.removeField", { key: label })}>
          ×
        </button>
      ) : (
        <span />
      )}
    </div>
  );
}

function AddField({ onAdd }: { onAdd: (key: string) => void }) {
  const t = useT();
  const [key, setKey] = useState("");
  return (
    <div className="flex items-center gap-2 border-t border-slate-200 pt-3">
      <input
        value={key}
        onChange={(e) => setKey(e.target.value)}
        placeholder={t("connectors.form.newKey")}
        aria-label={t("connectors.form.newKey")}
        className="w-64 rounded border border-slate-400 px-2 py-1 font-mono text-sm"
      />
      <Button
        variant="ghost"
        className="border border-slate-400"
        disabled={!key.trim()}
        onClick={() => {
          onAdd(key.trim());
          setKey("");
        }}
      >
        {t("connectors.form.addField")}
      </Button>
    </div>
  );
}

function RawEditor({ raw, onChange, parsed, empty }: { raw: string; onChange: (v: string) => void; parsed: ReturnType<typeof parseDraftJson> | null; empty: boolean }) {
  const t = useT();
  const id = useId();
  const error = parsed && !parsed.ok && raw.trim() ? parsed.error : null;
  return (
    <div>
      <label htmlFor={id} className="text-sm font-semibold">
        {t("connectors.form.rawLabel")}
      </label>
      <p className="text-sm text-slate-600">{t("connectors.form.rawHelp")}</p>
      <textarea
        id={id}
        value={raw}
        onChange={(e) => onChange(e.target.value)}
        rows={18}
        spellCheck={false}
        data-testid="register-raw"
        aria-invalid={Boolean(error)}
        className={`mt-1 w-full rounded border p-2 font-mono text-sm ${error ? "border-red-500" : "border-slate-400"}`}
      />
      {empty && !raw.trim() ? (
        <p role="alert" className="text-sm text-red-800" data-testid="register-raw-error">
          {t("connectors.form.jsonEmpty")}
        </p>
      ) : null}
      {error ? (
        <p role="alert" className="text-sm text-red-800" data-testid="register-raw-error">
          {error.kind === "syntax"
            ? t("connectors.form.jsonSyntax", { line: error.line, column: error.column })
            : error.code === "badValue"
              ? t("connectors.form.jsonBadValue", { key: error.key ?? "" })
              : t("connectors.form.jsonNotObject")}
        </p>
      ) : null}
    </div>
  );
}
