// Fetch helpers of the topics area. GETs answer the data itself; mutations answer { ok: true, data }.
import { toHttpError } from "../http-error";

/** A topic name as a path segment (Kafka names are URL-safe, but encode anyway). */
export const topicPath = (name: string) => `/api/topics/${encodeURIComponent(name)}`;

export async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  const res = await fetch(url, { signal, cache: "no-store", headers: { accept: "application/json" } });
  if (!res.ok) throw await toHttpError(res);
  return (await res.json()) as T;
}

export async function sendJson<T>(method: "POST" | "DELETE", url: string, body?: unknown): Promise<T> {
  const res = await fetch(url, {
    method,
    cache: "no-store",
    headers: { accept: "application/json", ...(body !== undefined ? { "content-type": "application/json" } : {}) },
    body: body !== undefined ? JSON.stringify(body) : undefined,
  });
  if (!res.ok) throw await toHttpError(res);
  return ((await res.json()) as { data: T }).data;
}
