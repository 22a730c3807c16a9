// Per-viewer filters of the live tail, applied on the server. Pure (shared by the route and its tests).
import { z } from "zod";
import { CHANGE_OPS, type ChangeOp } from "../../debezium/shared/types";
import type { TopicMessage } from "./message-types";

export const tailFilterSchema = z
  .object({
    /** Comma-separated operations: c,u,d,r,t. */
    op: z
      .string()
      .optional()
      .transform((s) => (s ? s.split(",").map((x) => x.trim()).filter(Boolean) : []))
      .pipe(z.array(z.enum(CHANGE_OPS as [ChangeOp, ...ChangeOp[]], { message: `op must be a comma-separated list of ${CHANGE_OPS.join(", ")}` }))),
    /** Case-insensitive substring of the record key. */
    key: z.string().max(200).optional(),
    /** A column of the row (after, or before for deletes) or a top-level JSON field… */
    field: z.string().min(1).max(100).optional(),
    /** …that must equal this value (compared as text; "null" matches null). */
    value: z.string().max(500).optional(),
  })
  .refine((f) => (f.field === undefined) === (f.value === undefined), { message: "field and value go together: give both or neither", path: ["field"] });

export type TailFilter = z.infer<typeof tailFilterSchema>;

export function isEmptyFilter(f: TailFilter): boolean {
  return f.op.length === 0 && !f.key && f.field === undefined;
}

function asText(v: unknown): string {
  if (v === null || v === undefined) return "null";
  return typeof v === "string" ? v : typeof v === "object" ? JSON.stringify(v) : String(v);
}

function fieldOf(message: TopicMessage, field: string): unknown {
  const v = message.value;
  if (v.kind === "change") {
    const row = v.after ?? v.before;
    return row && field in row ? row[field] : undefined;
  }
  if (v.kind === "json" && v.json !== null && typeof v.json === "object") {
    let node: unknown = v.json;
    for (const part of field.split(".")) {
      if (node === null || typeof node !== "object") return undefined;
      node = (node as Record<string, unknown>)[part];
    }
    return node;
  }
  return undefined;
}

export function matchesFilter(f: TailFilter, message: TopicMessage): boolean {
  if (f.op.length > 0 && (message.value.kind !== "change" || !f.op.includes(message.value.op))) return false;
  if (f.key && !(message.key ?? "").toLowerCase().includes(f.key.toLowerCase())) return false;
  if (f.field !== undefined) {
    const actual = fieldOf(message, f.field);
    if (actual === undefined || asText(actual) !== f.value) return false;
  }
  return true;
}

/** The filter as query parameters (what the browser sends). */
export function filterToSearchParams(f: Partial<TailFilter>): URLSearchParams {
  const p = new URLSearchParams();
  if (f.op?.length) p.set("op", f.op.join(","));
  if (f.key) p.set("key", f.key);
  if (f.field !== undefined && f.value !== undefined) {
    p.set("field", f.field);
    p.set("value", f.value);
  }
  return p;
}
