// The one client fetcher: every query and mutation of the browser goes through here. The API answers
// `{ ok: true, data }` or `{ ok: false, error }` (lib/http/shared/envelope.ts); anything else is an ApiError too.
import type { ApiErrorBody, ApiResult, ErrorParams, InputIssue } from "@/lib/http/shared/envelope";

/** The error every fetch of the console throws: the server's body as it sent it, for the catalog to render. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly params: ErrorParams;
  readonly source: ApiErrorBody["source"] | null;
  readonly detail: string | null;
  /** Seconds to wait before trying again (the body's `retryAfter` or the Retry-After header). */
  readonly retryAfter: number | null;
  readonly issues: InputIssue[];
  readonly fields: Record<string, string[]>;
  readonly plugins: NonNullable<ApiErrorBody["plugins"]>;
  readonly labChanges: NonNullable<ApiErrorBody["labChanges"]>;

  constructor(body: Partial<ApiErrorBody> & { status: number; message: string }) {
    super(body.message);
    this.name = "ApiError";
    this.status = body.status;
    this.code = body.code ?? "http_error";
    this.params = body.params ?? {};
    this.source = body.source ?? null;
    this.detail = body.detail ?? null;
    this.retryAfter = body.retryAfter ?? null;
    this.issues = body.issues ?? [];
    this.fields = body.fields ?? {};
    this.plugins = body.plugins ?? [];
    this.labChanges = body.labChanges ?? [];
  }
}

/** Retry-After header: delta-seconds or an HTTP date. */
function parseRetryAfter(value: string | null): number | null {
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds;
  const date = Date.parse(value);
  return Number.isNaN(date) ? null : Math.max(0, (date - Date.now()) / 1000);
}

async function unwrap<T>(res: Response): Promise<T> {
  let body: ApiResult<T> | null = null;
  try {
    body = (await res.json()) as ApiResult<T>;
  } catch {
    // not JSON (a proxy's page, a crash): the status is all there is
  }
  if (res.ok && body?.ok === true) return body.data;
  const error = body && body.ok === false ? body.error : null;
  throw new ApiError({
    ...(error ?? {}),
    status: error?.status ?? res.status,
    code: error?.code ?? (res.ok ? "bad_answer" : "http_error"),
    message: error?.message ?? `HTTP ${res.status} ${res.statusText}`.trim(),
    params: error?.params ?? { status: res.status },
    retryAfter: error?.retryAfter ?? parseRetryAfter(res.headers.get("retry-after")) ?? undefined,
  });
}

/** The ApiError of a failed response (for callers that must fetch themselves: EventSource, XHR). */
export async function responseError(res: Response): Promise<ApiError> {
  try {
    await unwrap(res);
  } catch (e) {
    if (e instanceof ApiError) return e;
  }
  return new ApiError({ status: res.status, code: "bad_answer", message: `HTTP ${res.status}: unexpected answer` });
}

/** An ApiError from a parsed body and status (XMLHttpRequest answers). */
export function errorFromBody(status: number, body: unknown): ApiError {
  const error = (body as { error?: Partial<ApiErrorBody> } | null)?.error;
  return new ApiError({ ...(error ?? {}), status: error?.status ?? status, message: error?.message ?? `HTTP ${status}`, params: error?.params ?? { status } });
}

/** A network failure (console down, offline) as an ApiError the catalog knows. */
function unreachable(e: unknown): never {
  if ((e as Error)?.name === "AbortError") throw e;
  throw new ApiError({ status: 0, code: "console_unreachable", message: `The console did not answer: ${(e as Error)?.message ?? e}`, source: "console" });
}

/** GET → data; aborts with the query's signal. */
export async function apiGet<T>(url: string, signal?: AbortSignal): Promise<T> {
  const res = await fetch(url, { signal, cache: "no-store", headers: { accept: "application/json" } }).catch(unreachable);
  return unwrap<T>(res);
}

/** The HTTP status an error carries, if any. */
export function errorStatus(error: unknown): number | null {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === "number" ? status : null;
}

/** `retryAfter` seconds an error carries, if any. */
export function errorRetryAfter(error: unknown): number | null {
  const v = (error as { retryAfter?: unknown } | null)?.retryAfter;
  return typeof v === "number" && Number.isFinite(v) && v >= 0 ? v : null;
}

/** One path segment of an API URL (a connector or cluster name), encoded. */
export const seg = (s: string) => encodeURIComponent(s);

/** A server action's `{ ok, data } | { ok, error }` result → data, or the same ApiError a fetch would throw. */
export async function actionData<T>(pending: Promise<ApiResult<unknown>>): Promise<T> {
  let result: ApiResult<unknown>;
  try {
    result = await pending;
  } catch (e) {
    unreachable(e);
  }
  if (result.ok) return result.data as T;
  throw new ApiError(result.error);
}
