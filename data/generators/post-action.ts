import { HttpError, toHttpError } from "../http-error";

/** POSTs JSON to a mutating route; returns its `data`, throws HttpError with the server's cause otherwise. */
export async function postAction<T>(url: string, body: unknown): Promise<T> {
  const res = await fetch(url, { method: "POST", headers: { "Content-Type": "application/json", accept: "application/json" }, body: JSON.stringify(body) });
  if (!res.ok) throw await toHttpError(res);
  const json = (await res.json().catch(() => null)) as { ok?: boolean; data?: T } | null;
  if (!json?.ok) throw new HttpError({ status: res.status, message: `HTTP ${res.status}: unexpected answer` });
  return json.data as T;
}
