"use client";

import { useErrorText, useT } from "@/components/i18n/I18nProvider";
import { useGeneratorStream } from "@/data/generators/use-generator-stream";
import { GENERATOR_KINDS } from "@/lib/generators/shared/params";
import { GeneratorPanel } from "./GeneratorPanel";
import { RunHistory } from "./RunHistory";

/** The generators screen: one panel per generator, live over SSE, and the stored runs below. */
export function GeneratorsConsole() {
  const t = useT();
  const errorText = useErrorText();
  const stream = useGeneratorStream();
  return (
    <div className="space-y-8">
      {stream.connection !== "open" ? (
        <p role="status" className="text-sm text-slate-700" data-testid="generator-stream-state">
          {stream.connection === "connecting" ? t("generators.stream.connecting") : t("generators.stream.reconnecting")}
        </p>
      ) : null}
      {stream.error ? (
        <p role="alert" className="rounded border border-red-300 bg-red-50 p-3 text-red-900">
          {errorText(stream.error)}
        </p>
      ) : null}
      <div className="grid gap-6 xl:grid-cols-3">
        {GENERATOR_KINDS.map((kind) => (
          <GeneratorPanel key={kind} kind={kind} run={stream.states?.[kind] ?? null} loading={stream.states === null} />
        ))}
      </div>
      <RunHistory />
    </div>
  );
}
