// The start form's values (strings, as typed) and their conversion into the start request (pure).
import { startParams, type GeneratorKind, type StartInput } from "@/lib/generators/shared/params";

export interface FormValues {
  /** orders (historical, streaming) or operations (cdc); empty = no limit where allowed. */
  count: string;
  rate: string;
  fastest: boolean;
  /** Percent, e.g. "5" for 5 %. */
  fraudPercent: string;
  durationS: string;
  batchSize: string;
  connections: string;
  seed: string;
  scope: "all" | "own";
}

export type FieldName = Exclude<keyof FormValues, "fastest">;

export const FORM_DEFAULTS: Record<GeneratorKind, FormValues> = {
  historical: { count: "100000", rate: "100", fastest: true, fraudPercent: "1", durationS: "", batchSize: "5000", connections: "2", seed: "", scope: "all" },
  streaming: { count: "", rate: "2", fastest: false, fraudPercent: "5", durationS: "", batchSize: "500", connections: "1", seed: "", scope: "all" },
  cdc: { count: "", rate: "0.25", fastest: false, fraudPercent: "0", durationS: "", batchSize: "1", connections: "1", seed: "", scope: "all" },
};

/** Which fields each generator's form shows. */
export const FIELDS: Record<GeneratorKind, readonly FieldName[]> = {
  historical: ["count", "rate", "fraudPercent", "durationS", "batchSize", "connections", "seed"],
  streaming: ["rate", "fraudPercent", "count", "durationS", "batchSize", "seed"],
  cdc: ["rate", "count", "durationS", "scope", "seed"],
};

const num = (s: string): number | undefined => (s.trim() === "" ? undefined : Number(s.trim().replace(",", ".")));

export function toStartInput(kind: GeneratorKind, v: FormValues): StartInput {
  const rate = v.fastest ? null : num(v.rate);
  const common = { rate, durationS: num(v.durationS), seed: num(v.seed) };
  const fraud = num(v.fraudPercent);
  const fraudShare = fraud === undefined ? undefined : fraud / 100;
  switch (kind) {
    case "historical":
      return { generator: "historical", ...common, orders: num(v.count), fraudShare, batchSize: num(v.batchSize), connections: num(v.connections) };
    case "streaming":
      return { generator: "streaming", ...common, orders: num(v.count), fraudShare, batchSize: num(v.batchSize) };
    case "cdc":
      return { generator: "cdc", ...common, operations: num(v.count), scope: v.scope };
  }
}

const FIELD_OF_PARAM: Record<string, FieldName> = {
  orders: "count",
  operations: "count",
  rate: "rate",
  fraudShare: "fraudPercent",
  durationS: "durationS",
  batchSize: "batchSize",
  connections: "connections",
  seed: "seed",
  scope: "scope",
};

/** The request when the values are valid, else the fields to mark (the same schema the server applies). */
export function validateForm(kind: GeneratorKind, v: FormValues): { ok: true; input: StartInput } | { ok: false; fields: FieldName[] } {
  const input = toStartInput(kind, v);
  const parsed = startParams.safeParse(input);
  if (parsed.success) return { ok: true, input };
  const fields = [...new Set(parsed.error.issues.map((i) => FIELD_OF_PARAM[String(i.path[0])]).filter((f): f is FieldName => Boolean(f)))];
  return { ok: false, fields: fields.length ? fields : ["count"] };
}
