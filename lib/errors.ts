// The one error type the console passes from lib/ to route handlers and the UI: it names the system,
// the cause and, where we know it, the fix. Made at the lib/ boundary from vendor errors.

export type ErrorSource = "postgres" | "kafka" | "connect" | "s3" | "console";

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly source: ErrorSource,
    readonly retryAfter?: number,
  ) {
    super(message);
    this.name = "AppError";
  }

  toJSON() {
    return { status: this.status, code: this.code, message: this.message, source: this.source, retryAfter: this.retryAfter };
  }
}

/** Network-level failure codes shared by every probe and client (see lib/health-types.ts FailureCode). */
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
