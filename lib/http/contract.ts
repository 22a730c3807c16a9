// The one HTTP contract of the console's route handlers: a read route, one invalid-input answer, one error
// answer, a JSON body reader with a size limit, and Server-Sent Events. The guarded mutating route
// (lib/auth/guard.ts) answers through the same functions. Route handlers parse, call lib/, answer.
import "server-only";
import { NextResponse } from "next/server";
import { z } from "zod";
import { AppError, asAppError } from "../errors";
import type { ApiResult } from "./shared/envelope";
import { locateJsonError } from "./shared/json-error";
import { describeIssues } from "./issues";

export const NO_STORE = { "Cache-Control": "no-store" } as const;

/** Request bodies of JSON routes: connector configs and generator settings are small. */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

export function okResponse<T>(data: T, init: { status?: number; headers?: Record<string, string> } = {}): Response {
  const body: ApiResult<T> = { ok: true, data };
  return NextResponse.json(body, { status: init.status ?? 200, headers: { ...NO_STORE, ...init.headers } });
}

/** `{ ok: false, error }` with the error's status (and Retry-After when it says when to retry). */
export function errorResponse(e: unknown): Response {
  const err = asAppError(e);
  if (err.status >= 500 && !(e instanceof AppError)) console.error("[console] unexpected error:", e);
  const body: ApiResult<never> = { ok: false, error: err.toJSON() };
  const headers: Record<string, string> = { ...NO_STORE };
  if (err.retryAfter) headers["Retry-After"] = String(err.retryAfter);
  return NextResponse.json(body, { status: err.status, headers });
}

/** The one invalid-input error: 422 naming each field, with "did you mean" for a misspelled key. */
export function invalidInput(error: z.ZodError, what: string, schema?: z.ZodType): AppError {
  const issues = describeIssues(error.issues, schema);
  const summary = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join("; ");
  const err = new AppError(422, "invalid_input", `Invalid ${what} — ${summary}`, "console", { params: { what } });
  return Object.assign(err, { toJSON: () => ({ ...AppError.prototype.toJSON.call(err), issues }) });
}

/** Validates `value` with `schema`, or throws the one invalid-input error. */
export function parseInput<T>(schema: z.ZodType<T>, value: unknown, what = "input"): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw invalidInput(parsed.error, what, schema);
  return parsed.data;
}

/** The query string as a plain object, for zod. */
export function queryOf(req: Request): Record<string, string> {
  return Object.fromEntries(new URL(req.url).searchParams.entries());
}

/**
 * A JSON body of at most `maxBytes` (413 beyond: Next.js would otherwise cut bodies over 10 MB silently), parsed
 * (422 `invalid_json` with the line and column of the first error). An empty body is `undefined`.
 */
export async function readJsonBody(req: Request, maxBytes = DEFAULT_MAX_BODY_BYTES): Promise<unknown> {
  const tooLarge = (got: number) =>
    new AppError(413, "body_too_large", `The request body has ${got} bytes; this route accepts at most ${maxBytes}. Send less.`, "console", { params: { bytes: got, max: maxBytes } });
  const declared = Number(req.headers.get("content-length") ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(declared);
  const text = await readText(req, maxBytes, tooLarge);
  if (!text.trim()) return undefined;
  try {
    return JSON.parse(text);
  } catch (e) {
    const at = locateJsonError(text) ?? { line: 1, column: 1, found: "" };
    throw new AppError(422, "invalid_json", `The request body is not valid JSON: line ${at.line}, column ${at.column}.`, "console", {
      params: { line: at.line, column: at.column },
      detail: (e as Error).message,
    });
  }
}

async function readText(req: Request, maxBytes: number, tooLarge: (n: number) => AppError): Promise<string> {
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge(size);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}

type ReadHandler<P, T> = (args: { req: Request; params: P; query: Record<string, string> }) => Promise<T>;

/**
 * A GET handler: `{ ok: true, data }` (no-store), or the error answer. A handler that must shape its own answer
 * (headers via okResponse, a redirect, bytes) returns a Response. The request's signal is the caller's: when the
 * browser goes away, lib/ calls may abort.
 */
export function readRoute<P = Record<string, never>, T = unknown>(handler: ReadHandler<P, T>) {
  return async (req: Request, ctx?: { params: Promise<P> }): Promise<Response> => {
    try {
      const params = ((await ctx?.params) ?? {}) as P;
      const query = queryOf(req);
      let queryRead = false;
      const data = await handler({
        req,
        params,
        get query() {
          queryRead = true;
          return query;
        },
      });
      // A route that takes no query parameter refuses them like any unknown key (422 naming it), not silently.
      if (!queryRead && Object.keys(query).length > 0) parseInput(z.strictObject({}), query, "query");
      if (data instanceof Response) return data;
      return okResponse(data);
    } catch (e) {
      return errorResponse(e);
    }
  };
}
