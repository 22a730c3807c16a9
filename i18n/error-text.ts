// An error in the reader's language: the catalog's `errors.codes.<code>` with the error's params, each invalid
// field of an invalid input, then the vendor's own text labelled with who said it. Pure (server and browser).
import { interpolate, type Messages } from "./format";

interface ErrorLike {
  code?: unknown;
  message?: unknown;
  params?: unknown;
  source?: unknown;
  detail?: unknown;
  issues?: unknown;
}

type Params = Record<string, string | number>;

const asParams = (v: unknown): Params => (v && typeof v === "object" ? (v as Params) : {});

/** The catalog text of an error code, or null when the catalog does not know the code. */
export function errorCodeText(messages: Messages, code: string, params?: unknown): string | null {
  const template = (messages.errors.codes as Record<string, string>)[code];
  return template === undefined ? null : interpolate(template, asParams(params));
}

function issueText(messages: Messages, issue: { path?: unknown; code?: unknown; message?: unknown; params?: unknown }): string {
  const template = (messages.errors.issues as Record<string, string>)[String(issue.code)];
  const problem = template !== undefined ? interpolate(template, asParams(issue.params)) : String(issue.message ?? "");
  return issue.path ? interpolate(messages.errors.issueAt, { path: String(issue.path), problem }) : problem;
}

/**
 * What a person reads for `error` (an ApiError, an AppError's JSON, or any thrown value): "" when there is none,
 * the catalog's "unknown error" when it has no words of its own.
 */
export function errorText(messages: Messages, error: unknown, options: { withDetail?: boolean } = {}): string {
  if (error === null || error === undefined) return "";
  if (typeof error === "string") return error || messages.common.unknownError;
  const e = error as ErrorLike;
  const code = typeof e.code === "string" ? e.code : null;
  // A thrown object without a message has no words of its own ("[object Object]" is none): the catalog's then.
  let text = (code && errorCodeText(messages, code, e.params)) ?? (typeof e.message === "string" && e.message ? e.message : typeof error === "object" ? "" : String(error));
  if (code === "invalid_input" && Array.isArray(e.issues) && e.issues.length) {
    text = `${text}: ${e.issues.map((i) => issueText(messages, i as Record<string, unknown>)).join("; ")}`;
  }
  const detail = typeof e.detail === "string" ? e.detail.trim() : "";
  if ((options.withDetail ?? true) && detail && code && errorCodeText(messages, code) !== null && !text.includes(detail)) {
    const source = (messages.errors.sources as Record<string, string>)[String(e.source)] ?? String(e.source ?? "");
    text = `${text} (${interpolate(messages.errors.detail, { source, detail })})`;
  }
  return text || messages.common.unknownError;
}
