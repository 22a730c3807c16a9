// Fetch helpers of the connectors area: the API answers { ok: true, data } or { ok: false, error }.
import type { PluginInfo } from "@/lib/connect/types";
import { HttpError, toHttpError } from "../http-error";

/** An HttpError that also carries Connect's per-field messages and, for an unknown class, the installed plugins. */
export class ConnectorHttpError extends HttpError {
  readonly fields: Record<string, string[]>;
  readonly plugins: PluginInfo[];

  constructor(base: HttpError, fields: Record<string, string[]> = {}, plugins: PluginInfo[] = []) {
    super({ status: base.status, message: base.message, code: base.code, source: base.source, retryAfter: base.retryAfter });
    this.fields = fields;
    this.plugins = plugins;
  }
}

/** Encodes a connector name (or any segment) for the API path. */
export const seg = (s: string) => encodeURIComponent(s);

async function unwrap<T>(res: Response): Promise<T> {
  if (!res.ok) {
    const copy = res.clone();
    const base = await toHttpError(res);
    let fields: Record<string, string[]> = {};
    let plugins: PluginInfo[] = [];
    try {
      const body = (await copy.json()) as { error?: { fields?: Record<string, string[]>; plugins?: PluginInfo[] } };
      fields = body.error?.fields ?? {};
      plugins = body.error?.plugins ?? [];
    } catch {
      // not JSON: the status text is all there is
    }
    throw new ConnectorHttpError(base, fields, plugins);
  }
  const body = (await res.json()) as { ok: boolean; data: T };
  return body.data;
}

export async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  return unwrap<T>(await fetch(url, { signal, cache: "no-store", headers: { accept: "application/json" } }));
}

export async function sendJson<T>(method: "POST" | "PUT" | "PATCH" | "DELETE", url: string, body?: unknown): Promise<T> {
  return unwrap<T>(
    await fetch(url, {
      method,
      cache: "no-store",
      headers: { accept: "application/json", ...(body !== undefined ? { "content-type": "application/json" } : {}) },
      body: body !== undefined ? JSON.stringify(body) : undefined,
    }),
  );
}
