"use client";

import { useState } from "react";
import { useErrorText, useT } from "@/components/i18n/I18nProvider";
import { Button } from "@/components/ui/Button";
import { Section } from "@/components/ui/Section";
import { useCreateBucketMutation } from "@/data/lake/use-create-bucket";
import { BUCKET_PRESETS, bucketNameProblem } from "@/lib/s3/shared/bucket-name";

/** Presets (the course's layers) or a custom name, checked against S3's rules as the person types. */
export function CreateBucketForm({ existing }: { existing: string[] }) {
  const t = useT();
  const errorText = useErrorText();
  const mutation = useCreateBucketMutation();
  const [name, setName] = useState("");
  const [messages, setMessages] = useState<{ ok: string[]; failed: string[] }>({ ok: [], failed: [] });
  const problem = name ? bucketNameProblem(name) : null;

  async function create(names: string[]) {
    const ok: string[] = [];
    const failed: string[] = [];
    for (const n of names) {
      try {
        await mutation.mutateAsync(n);
        ok.push(n);
      } catch (e) {
        failed.push(`${n}: ${errorText(e)}`);
      }
    }
    setMessages({ ok, failed });
    return failed.length === 0;
  }

  return (
    <Section heading={t("lake.create.heading")} headingClassName="text-lg font-bold" className="rounded-lg border border-slate-300 bg-white p-4">
      <div className="mt-2 flex flex-wrap items-center gap-2">
        <span className="text-sm text-slate-700">{t("lake.create.presets")}</span>
        {(Object.keys(BUCKET_PRESETS) as (keyof typeof BUCKET_PRESETS)[]).map((preset) => {
          const missing = BUCKET_PRESETS[preset].filter((n) => !existing.includes(n));
          return (
            <Button
              key={preset}
              variant="ghost"
              className="border border-slate-300 font-mono"
              disabled={mutation.isPending || missing.length === 0}
              title={missing.length === 0 ? t("lake.create.presetDone") : t("lake.create.presetCreates", { names: missing.join(", ") })}
              onClick={() => void create(missing)}
            >
              {BUCKET_PRESETS[preset].join(" · ")}
            </Button>
          );
        })}
      </div>
      <form
        className="mt-3 flex flex-wrap items-start gap-2"
        onSubmit={async (e) => {
          e.preventDefault();
          if (!name || problem) return;
          if (await create([name])) setName("");
        }}
      >
        <label className="flex flex-col text-sm">
          {t("lake.create.customLabel")}
          <input
            name="bucket"
            value={name}
            onChange={(e) => setName(e.target.value)}
            placeholder={t("lake.create.placeholder")}
            aria-invalid={problem ? true : undefined}
            aria-describedby="lake-create-rule"
            className="mt-1 w-72 rounded border border-slate-400 px-2 py-1 font-mono"
            autoComplete="off"
            spellCheck={false}
          />
        </label>
        <Button type="submit" className="mt-6" disabled={!name || !!problem || mutation.isPending}>
          {mutation.isPending ? t("lake.common.working") : t("lake.create.submit")}
        </Button>
        <p id="lake-create-rule" className={`basis-full text-sm ${problem ? "font-medium text-red-800" : "text-slate-600"}`} aria-live="polite">
          {problem ? t(`lake.create.rules.${problem.rule}`) : t("lake.create.rulesHint")}
        </p>
      </form>
      {messages.ok.length > 0 ? (
        <p role="status" className="mt-2 text-sm text-emerald-800">
          {t("lake.create.created", { names: messages.ok.join(", ") })}
        </p>
      ) : null}
      {messages.failed.map((m) => (
        <p key={m} role="alert" className="mt-2 text-sm text-red-800">
          {m}
        </p>
      ))}
    </Section>
  );
}
