// The console's one HTTP contract, as types shared by the server (lib/http/contract.ts) and the browser
// (data/fetcher.ts). Every JSON answer is one of these two shapes; health alone may answer its report with 503.

export type ErrorSource = "postgres" | "kafka" | "connect" | "s3" | "console";
export type ErrorParams = Record<string, string | number>;

/** One invalid field of a request: where, the catalog code of the problem and its parameters. */
export interface InputIssue {
  path: string;
  code: string;
  message: string;
  params?: ErrorParams;
}

export interface ApiErrorBody {
  status: number;
  code: string;
  /** English sentence: logs, scripts, and the fallback when the catalog lacks `errors.<code>`. */
  message: string;
  params: ErrorParams;
  source: ErrorSource;
  /** The vendor's own text (Connect, PostgreSQL, S3, Kafka), shown as labelled detail. */
  detail?: string;
  retryAfter?: number;
  /** invalid_input: each invalid field. */
  issues?: InputIssue[];
  /** Connect's validation: its messages per config key; an unknown class: the installed plugins. */
  fields?: Record<string, string[]>;
  plugins?: { className: string; type: string; version: string | null }[];
  /** Connect's validation: what to change so the config fits this lab (non-secret keys only). */
  labChanges?: { key: string; kind: "added" | "removed" | "changed"; before: string | null; after: string | null; secret: boolean }[];
}

export type ApiResult<T> = { ok: true; data: T } | { ok: false; error: ApiErrorBody };
