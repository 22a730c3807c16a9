"use client";

import { useCanOperate } from "@/components/auth/PrincipalProvider";
import { useId, useState, type FormEvent } from "react";
import { useErrorText, useT } from "@/components/i18n/I18nProvider";
import { Button } from "@/components/ui/Button";
import { useStartGeneratorMutation } from "@/data/generators/use-start-generator";
import { useStopGeneratorMutation } from "@/data/generators/use-stop-generator";
import type { GeneratorKind } from "@/lib/generators/shared/params";
import type { RunSnapshot } from "@/lib/generators/shared/types";
import type { MessageKey } from "@/i18n/format";
import { FIELDS, FORM_DEFAULTS, validateForm, type FieldName, type FormValues } from "./form-values";
import { RunProgress } from "./RunProgress";
import { StatusBadge } from "./StatusBadge";

// Every generator names its fields alike but for what it counts.
const COUNT_LABEL: Record<GeneratorKind, MessageKey> = {
  historical: "generators.fields.orders",
  streaming: "generators.fields.ordersOptional",
  cdc: "generators.fields.operations",
};
const FIELD_LABEL: Record<Exclude<FieldName, "count">, MessageKey> = {
  rate: "generators.fields.rate",
  fraudPercent: "generators.fields.fraudShare",
  durationS: "generators.fields.durationS",
  batchSize: "generators.fields.batchSize",
  connections: "generators.fields.connections",
  seed: "generators.fields.seed",
  scope: "generators.fields.scope",
};
const labelOf = (kind: GeneratorKind, field: FieldName): MessageKey => (field === "count" ? COUNT_LABEL[kind] : FIELD_LABEL[field]);

/** One generator: what it does, its form (or its live run), start and stop. */
export function GeneratorPanel({ kind, run, loading }: { kind: GeneratorKind; run: RunSnapshot | null; loading: boolean }) {
  const canOperate = useCanOperate();
  const t = useT();
  const errorText = useErrorText();
  const id = useId();
  const [values, setValues] = useState<FormValues>(FORM_DEFAULTS[kind]);
  const [invalid, setInvalid] = useState<FieldName[]>([]);
  const start = useStartGeneratorMutation();
  const stop = useStopGeneratorMutation();
  const live = run !== null && (run.status === "running" || run.status === "stopping");
  const status = run?.status ?? "idle";
  const failure = start.error ?? stop.error;

  function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const checked = validateForm(kind, values);
    if (!checked.ok) {
      setInvalid(checked.fields);
      return;
    }
    setInvalid([]);
    stop.reset();
    start.mutate(checked.input);
  }

  const set = <K extends keyof FormValues>(key: K, value: FormValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  const inputClass = (f: FieldName) =>
    `mt-1 w-full rounded border px-2 py-1.5 text-base ${invalid.includes(f) ? "border-red-600 bg-red-50" : "border-slate-400"} disabled:bg-slate-100`;
  const disabled = live || !canOperate || start.isPending;

  return (
    <section aria-labelledby={`${id}-title`} data-testid={`generator-${kind}`} className="flex flex-col gap-4 rounded-lg border border-slate-300 bg-white p-5">
      <header className="flex flex-wrap items-center justify-between gap-2">
        <h2 id={`${id}-title`} className="text-xl font-bold text-slate-900">
          {t(`generators.kinds.${kind}.title`)}
        </h2>
        {loading ? null : <StatusBadge status={status} testId={`status-${kind}`} />}
      </header>
      <p className="text-base leading-snug text-slate-800">{t(`generators.kinds.${kind}.description`)}</p>
      <p className="rounded bg-slate-100 px-2 py-1 text-sm font-semibold text-slate-800">{t(`generators.kinds.${kind}.event`)}</p>

      <form onSubmit={submit} noValidate className="grid grid-cols-2 gap-3">
        {/* while it runs, the run's own parameters show below (asked rate, seed), not this form's */}
        {live ? null : FIELDS[kind].map((f) =>
          f === "scope" ? (
            <label key={f} className="col-span-2 block text-sm font-semibold text-slate-800">
              {t(labelOf(kind, f))}
              <select id={`${id}-${f}`} className={inputClass(f)} value={values.scope} disabled={disabled} onChange={(e) => set("scope", e.target.value as FormValues["scope"])}>
                <option value="all">{t("generators.fields.scopeAll")}</option>
                <option value="own">{t("generators.fields.scopeOwn")}</option>
              </select>
            </label>
          ) : f === "rate" ? (
            <div key={f} className="col-span-2 grid grid-cols-2 items-end gap-3">
              <label className="block text-sm font-semibold text-slate-800">
                {t(labelOf(kind, f))}
                <input
                  inputMode="decimal"
                  className={inputClass(f)}
                  value={values.rate}
                  disabled={disabled || values.fastest}
                  aria-invalid={invalid.includes(f)}
                  onChange={(e) => set("rate", e.target.value)}
                />
              </label>
              <label className="flex items-center gap-2 pb-2 text-sm font-semibold text-slate-800">
                <input type="checkbox" className="size-4" checked={values.fastest} disabled={disabled} onChange={(e) => set("fastest", e.target.checked)} />
                {t("generators.fields.fastest")}
              </label>
            </div>
          ) : (
            <label key={f} className={`block text-sm font-semibold text-slate-800 ${f === "seed" ? "col-span-2" : ""}`}>
              {t(labelOf(kind, f))}
              <input
                inputMode="decimal"
                className={inputClass(f)}
                value={values[f]}
                disabled={disabled}
                aria-invalid={invalid.includes(f)}
                onChange={(e) => set(f, e.target.value)}
              />
              {f === "seed" ? <span className="mt-0.5 block text-xs font-normal text-slate-600">{t("generators.fields.seedHint")}</span> : null}
            </label>
          ),
        )}
        {invalid.length > 0 ? (
          <p role="alert" className="col-span-2 text-sm font-semibold text-red-800">
            {t("generators.validation.invalid")}
          </p>
        ) : null}
        {canOperate ? (
          <div className="col-span-2 flex gap-2">
            {live ? (
              <Button onClick={() => { start.reset(); stop.mutate(kind); }} disabled={stop.isPending || run?.status === "stopping"} className="bg-red-700 hover:bg-red-600">
                {stop.isPending || run?.status === "stopping" ? t("generators.actions.stopping") : t("generators.actions.stop")}
              </Button>
            ) : (
              <Button type="submit" disabled={disabled || loading}>
                {start.isPending ? t("generators.actions.starting") : t("generators.actions.start")}
              </Button>
            )}
          </div>
        ) : null}
      </form>

      {failure ? (
        <p role="alert" className="rounded bg-red-50 p-2 text-sm break-words text-red-900" data-testid={`action-error-${kind}`}>
          {errorText(failure)}
        </p>
      ) : null}

      {run ? (
        <div className="border-t border-slate-200 pt-3">
          <h3 className="mb-2 text-sm font-bold text-slate-700">
            {live ? t("generators.progress.currentRun", { id: run.id }) : t("generators.progress.lastRun", { id: run.id })}
          </h3>
          <RunProgress run={run} />
        </div>
      ) : null}
    </section>
  );
}
