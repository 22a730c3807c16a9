// Helpers shared by the lake's read-only route handlers (mutations go through mutatingRoute).
import "server-only";
import { NextResponse } from "next/server";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { existingBucketSchema } from "@/lib/s3/bucket-name";
import { objectKeySchema } from "@/lib/s3/object-key";

const NO_STORE = { "Cache-Control": "no-store" };

/** 422 with the zod issues, named after the first one. */
export function invalidInput(error: z.ZodError, what = "input"): AppError {
  const detail = error.issues.map((i) => `${i.path.join(".") || what}: ${i.message}`).join("; ");
  return new AppError(422, "invalid_input", `Invalid ${what} — ${detail}`, "console");
}

export function parseOr422<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw invalidInput(parsed.error, what);
  return parsed.data;
}

/** The bucket of the route, validated before any request reaches S3. */
export function bucketParam(params: { bucket: string }): string {
  return parseOr422(existingBucketSchema, params.bucket, "bucket");
}

/** The query string as a plain object, for zod. */
export function queryOf(req: Request): Record<string, string> {
  return Object.fromEntries(new URL(req.url).searchParams.entries());
}

/** An object key: the rules of lib/s3/object-key.ts (no dot segments, ≤ 1,024 bytes, no control characters). */
export const objectKey = objectKeySchema;

/** A folder prefix: empty (the bucket root) or ending with "/". */
export const folderPrefix = z
  .string()
  .max(1024)
  .refine((p) => p === "" || p.endsWith("/"), "A folder prefix is empty or ends with /.")
  .default("");

type Handler<P> = (req: Request, ctx: { params: P }) => Promise<unknown>;

/**
 * A GET handler: answers the data as JSON (no-store), or `{ ok: false, error }` with the error's status. The
 * request's signal is the caller's: when the browser goes away, the S3 calls are aborted.
 */
export function readRoute<P>(handler: Handler<P>) {
  return async (req: Request, ctx: { params: Promise<P> }): Promise<Response> => {
    try {
      const data = await handler(req, { params: await ctx.params });
      if (data instanceof Response) return data;
      return NextResponse.json(data, { headers: NO_STORE });
    } catch (e) {
      const err = e instanceof AppError ? e : new AppError(500, "internal", e instanceof Error ? e.message : String(e), "console");
      return NextResponse.json({ ok: false, error: err.toJSON() }, { status: err.status, headers: { ...NO_STORE, ...(err.retryAfter ? { "Retry-After": String(err.retryAfter) } : {}) } });
    }
  };
}
