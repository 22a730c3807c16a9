import { responseError } from "../fetcher";

/**
 * A POST to an SQL route with the caller's signal: queries and exports go through the route, not a server action,
 * so the browser can cancel them (aborting the request interrupts the engine). Returns the raw Response.
 */
export async function sqlPost(url: string, body: unknown, signal?: AbortSignal): Promise<Response> {
  const res = await fetch(url, { method: "POST", signal, cache: "no-store", headers: { accept: "application/json", "content-type": "application/json" }, body: JSON.stringify(body) });
  if (!res.ok) throw await responseError(res);
  return res;
}
