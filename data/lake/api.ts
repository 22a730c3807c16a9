// Fetch helpers of the lake's client layer: URLs of the lake API and JSON in/out with the app's HttpError.
import { HttpError, toHttpError } from "../http-error";

export const lakeApi = {
  buckets: () => "/api/lake/buckets",
  bucket: (bucket: string) => `/api/lake/buckets/${encodeURIComponent(bucket)}`,
  path: (bucket: string, rest: string, query?: Record<string, string | number | null | undefined>) => {
    const params = new URLSearchParams();
    for (const [k, v] of Object.entries(query ?? {})) if (v !== null && v !== undefined && v !== "") params.set(k, String(v));
    const qs = params.toString();
    return `${lakeApi.bucket(bucket)}/${rest}${qs ? `?${qs}` : ""}`;
  },
  /** Each key segment encoded on its own, so "/" stays a path separator for the catch-all route. */
  upload: (bucket: string, key: string) => `${lakeApi.bucket(bucket)}/upload/${key.split("/").map(encodeURIComponent).join("/")}`,
  download: (bucket: string, key: string) => lakeApi.path(bucket, "download", { key, redirect: 1 }),
};

/** GET → the JSON body; any non-2xx → HttpError with the server's message. */
export async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  const res = await fetch(url, { signal, cache: "no-store", headers: { accept: "application/json" } });
  if (!res.ok) throw await toHttpError(res);
  return (await res.json()) as T;
}

/** A mutation through the guard: `{ ok: true, data }` → data; `{ ok: false, error }` → HttpError. */
export async function sendJson<T>(method: "POST" | "PUT" | "DELETE", url: string, body?: unknown): Promise<T> {
  const res = await fetch(url, {
    method,
    headers: { "content-type": "application/json", accept: "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw await toHttpError(res);
  const json = (await res.json()) as { ok: boolean; data?: T };
  if (!json.ok) throw new HttpError({ status: res.status, message: `HTTP ${res.status}: the server answered ok: false` });
  return json.data as T;
}
