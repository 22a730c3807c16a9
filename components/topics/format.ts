// Display helpers of the topics area. Pure.
import type { ChangeOp, DecodedValue, Row } from "@/lib/debezium/shared/types";

/** A column value as text: strings as they are, null as "null", objects as JSON. */
export function cellText(v: unknown): string {
  if (v === undefined) return "";
  if (v === null) return "null";
  if (typeof v === "string") return v;
  if (typeof v === "object") return JSON.stringify(v);
  return String(v);
}

/** "id=42 · nome=Ana" — the first columns of a row, for one-line summaries. */
export function rowPreview(row: Row | null, maxFields = 4, maxChars = 160): string {
  if (!row) return "";
  const parts = Object.entries(row)
    .slice(0, maxFields)
    .map(([k, v]) => `${k}=${cellText(v)}`);
  const text = parts.join(" · ");
  return text.length > maxChars ? `${text.slice(0, maxChars - 1)}…` : text;
}

export function valuePreview(value: DecodedValue, maxChars = 160): string {
  switch (value.kind) {
    case "json": {
      const s = JSON.stringify(value.json);
      return s.length > maxChars ? `${s.slice(0, maxChars - 1)}…` : s;
    }
    case "text":
      return value.text.length > maxChars ? `${value.text.slice(0, maxChars - 1)}…` : value.text;
    case "binary":
      return value.hex.slice(0, maxChars);
    case "change":
      return rowPreview(value.after ?? value.before, 4, maxChars);
    case "tombstone":
      return "";
  }
}

/** Tailwind classes per operation: the same colours everywhere in the area. */
export const OP_CLASS: Record<ChangeOp, string> = {
  c: "bg-emerald-700 text-white",
  u: "bg-amber-500 text-slate-950",
  d: "bg-red-700 text-white",
  r: "bg-sky-700 text-white",
  t: "bg-purple-700 text-white",
  m: "bg-slate-600 text-white",
};
