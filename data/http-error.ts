// The error every client fetcher throws for a non-OK response. Mirrors the server's AppError fields
// (status, code, message, source, retryAfter) so the UI can show the real cause.

export class HttpError extends Error {
  readonly status: number;
  readonly code: string | null;
  readonly source: string | null;
  /** Seconds to wait before trying again (from the body's `retryAfter` or the Retry-After header). */
  readonly retryAfter: number | null;

  constructor(init: { status: number; message: string; code?: string | null; source?: string | null; retryAfter?: number | null }) {
    super(init.message);
    this.name = "HttpError";
    this.status = init.status;
    this.code = init.code ?? null;
    this.source = init.source ?? null;
    this.retryAfter = init.retryAfter ?? null;
  }
}

function asRecord(value: unknown): Record<string, unknown> | null {
  return value !== null && typeof value === "object" ? (value as Record<string, unknown>) : null;
}

function stringField(obj: Record<string, unknown> | null, key: string): string | null {
  const v = obj?.[key];
  return typeof v === "string" && v.length > 0 ? v : null;
}

function secondsField(obj: Record<string, unknown> | null, key: string): number | null {
  const v = obj?.[key];
  return typeof v === "number" && Number.isFinite(v) && v >= 0 ? v : null;
}

/** Retry-After header: delta-seconds or an HTTP date. */
function parseRetryAfterHeader(value: string | null): number | null {
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds;
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, (date - Date.now()) / 1000);
}

/**
 * Builds an HttpError from a failed response. Understands `{ error: { code, message, source, retryAfter } }`
 * and the same fields at the top level; falls back to the status text.
 */
export async function toHttpError(res: Response): Promise<HttpError> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    // not JSON: keep the status text
  }
  const top = asRecord(body);
  const inner = asRecord(top?.error) ?? top;
  return new HttpError({
    status: res.status,
    message: stringField(inner, "message") ?? stringField(top, "error") ?? `HTTP ${res.status} ${res.statusText}`.trim(),
    code: stringField(inner, "code"),
    source: stringField(inner, "source"),
    retryAfter: secondsField(inner, "retryAfter") ?? parseRetryAfterHeader(res.headers.get("retry-after")),
  });
}

/** HTTP status carried by an error, if any (HttpError or any object with a numeric `status`). */
export function errorStatus(error: unknown): number | null {
  const status = asRecord(error)?.status;
  return typeof status === "number" ? status : null;
}

/** `retryAfter` seconds carried by an error, if any. */
export function errorRetryAfter(error: unknown): number | null {
  return secondsField(asRecord(error), "retryAfter");
}

/** A readable message for any thrown value. */
export function errorMessage(error: unknown): string | null {
  if (error instanceof Error && error.message) return error.message;
  if (typeof error === "string" && error) return error;
  return null;
}
