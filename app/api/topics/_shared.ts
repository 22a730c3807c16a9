// Helpers of the Topics API's read-only handlers (mutations go through mutatingRoute).
import { NextResponse } from "next/server";
import type { z } from "zod";
import { AppError } from "@/lib/errors";
import { topicNameSchema } from "@/lib/kafka/topic-name";

export const NO_STORE = { "Cache-Control": "no-store" } as const;

export function errorResponse(e: unknown): NextResponse {
  const error = e instanceof AppError ? e : new AppError(500, "internal", e instanceof Error ? e.message : String(e), "console");
  const headers: Record<string, string> = { ...NO_STORE };
  if (error.retryAfter) headers["Retry-After"] = String(error.retryAfter);
  return NextResponse.json({ ok: false, error: error.toJSON() }, { status: error.status, headers });
}

export function invalid(message: string, issues: z.core.$ZodIssue[]): NextResponse {
  return NextResponse.json(
    { ok: false, error: { ...new AppError(422, "invalid_input", message, "console").toJSON(), issues } },
    { status: 422, headers: NO_STORE },
  );
}

/** The topic of a dynamic route, validated against Kafka's naming rules (→ 422 naming the rule). */
export function parseTopicParam(raw: string): { ok: true; topic: string } | { ok: false; response: NextResponse } {
  const parsed = topicNameSchema.safeParse(raw);
  if (parsed.success) return { ok: true, topic: parsed.data };
  return { ok: false, response: invalid(`Invalid topic name — ${parsed.error.issues.map((i) => i.message).join("; ")}`, parsed.error.issues) };
}

/** The same check for handlers that must throw (mutations): an AppError 422, or null when the name is valid. */
export function topicParamError(name: string): AppError | null {
  const parsed = topicNameSchema.safeParse(name);
  return parsed.success ? null : new AppError(422, "invalid_input", `Invalid topic name — ${parsed.error.issues.map((i) => i.message).join("; ")}`, "console");
}

export function queryObject(url: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of new URL(url).searchParams) out[k] = v;
  return out;
}
