// The one error type the console passes from lib/ to route handlers and the UI: it names the system,
// the cause and, where we know it, the fix. Made at the lib/ boundary from vendor errors.
//
// `code` + `params` are what the browser renders from the message catalog in the reader's language
// (`errors.<code>`); `message` is the English sentence kept for logs, scripts and as the fallback; `detail` is the
// vendor's own text (Connect's validation message, PostgreSQL's error, an S3 code), shown labelled as such.
import "server-only";
import type { ApiErrorBody, ErrorParams, ErrorSource } from "./http/shared/envelope";

export type { ErrorSource } from "./http/shared/envelope";

export interface AppErrorOptions {
  params?: ErrorParams;
  detail?: string;
  retryAfter?: number;
}

export class AppError extends Error {
  readonly params: ErrorParams;
  readonly detail?: string;
  readonly retryAfter?: number;

  /** `options` may still be a bare number: the seconds to wait before a retry (the older call sites). */
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly source: ErrorSource,
    options: AppErrorOptions | number = {},
  ) {
    super(message);
    this.name = "AppError";
    const opts = typeof options === "number" ? { retryAfter: options } : options;
    this.params = opts.params ?? {};
    this.detail = opts.detail;
    this.retryAfter = opts.retryAfter;
  }

  toJSON(): ApiErrorBody {
    return {
      status: this.status,
      code: this.code,
      message: this.message,
      params: this.params,
      source: this.source,
      ...(this.detail ? { detail: this.detail } : {}),
      ...(this.retryAfter ? { retryAfter: this.retryAfter } : {}),
    };
  }
}

/** Anything thrown, as an AppError: unknown errors become a 500 that still says what happened. */
export function asAppError(e: unknown, code = "internal"): AppError {
  if (e instanceof AppError) return e;
  const detail = e instanceof Error ? e.message : String(e);
  return new AppError(500, code, `The console failed unexpectedly: ${detail}`, "console", { detail });
}

/** Network-level failure codes shared by every probe and client (see lib/shared/health-types.ts FailureCode). */
export function networkFailure(e: unknown): "refused" | "timeout" | "dns" | null {
  const err = e as { code?: string; name?: string; message?: string; cause?: { code?: string } };
  const code = err?.code ?? err?.cause?.code;
  const msg = String(err?.message ?? "");
  if (code === "ECONNREFUSED" || /ECONNREFUSED|Connection refused|KafkaJSConnectionError/i.test(msg)) return "refused";
  if (code === "ENOTFOUND" || code === "EAI_AGAIN" || /ENOTFOUND|getaddrinfo/i.test(msg)) return "dns";
  if (code === "ETIMEDOUT" || err?.name === "TimeoutError" || err?.name === "AbortError" || /timed? ?out/i.test(msg)) return "timeout";
  return null;
}

/** Strip anything that looks like credentials from a message before it leaves the server. */
export function scrubSecrets(message: string, secrets: string[] = []): string {
  let out = message.replace(/(\w+:\/\/)[^/@\s]+@/g, "$1***@");
  for (const s of secrets) if (s && s.length >= 3) out = out.split(s).join("***");
  return out;
}
