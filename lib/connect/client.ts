import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { config } from "../config";
import { AppError, networkFailure, scrubSecrets } from "../errors";
import { isSecretKey, MASK, redactValues } from "../shared/secrets";
import type { ClusterRef, PluginInfo } from "./shared/types";

// The Kafka Connect REST client: one typed function per endpoint, every failure an AppError carrying Connect's
// own message. Clusters come from config().connect.urls and are addressed by index ("0") or slug ("127-0-0-1-8083").

const DEFAULT_TIMEOUT_MS = 10_000;
/** Validation and creation run the plugin's validate(), which for Debezium opens a database connection. */
const VALIDATE_TIMEOUT_MS = 45_000;

// ------------------------------------------------------------------ clusters

function slugOf(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}-${u.port || (u.protocol === "https:" ? "443" : "80")}`.toLowerCase().replace(/[^a-z0-9]+/g, "-");
  } catch {
    return url.toLowerCase().replace(/[^a-z0-9]+/g, "-");
  }
}

export function clusters(): ClusterRef[] {
  const seen = new Map<string, number>();
  const { urls, workers } = config().connect;
  return urls.map((url, i) => {
    let slug = slugOf(url);
    const n = seen.get(slug) ?? 0;
    seen.set(slug, n + 1);
    if (n > 0) slug = `${slug}-${n}`;
    return { id: String(i), slug, url: scrubSecrets(url), workers: (workers[i] ?? [url]).map((w) => scrubSecrets(w)) };
  });
}

/** The cluster named in a URL segment, or a 404 that lists the configured ones. */
export function resolveCluster(idOrSlug: string): ClusterRef {
  const all = clusters();
  const found = all.find((c) => c.id === idOrSlug || c.slug === idOrSlug);
  if (!found) {
    throw new AppError(404, "cluster_not_found", `No Kafka Connect cluster "${idOrSlug}" is configured. Configured: ${all.map((c) => `${c.id} (${c.slug}, ${c.url})`).join(", ")}. Set CONNECT_URLS to add one.`, "connect", { params: { cluster: idOrSlug, configured: all.map((c) => c.id).join(", ") } });
  }
  return found;
}

/** The real URLs (with any credentials) of a cluster's workers; never leave the server. */
function workerUrls(cluster: ClusterRef): string[] {
  const c = config().connect;
  return c.workers[Number(cluster.id)] ?? [c.urls[Number(cluster.id)]];
}

// The worker of each cluster that answered last: asked first next time, so a stopped worker costs one refused
// connection once, not on every request. On globalThis, like the counter below.
const PREFERRED_KEY = Symbol.for("lab-console.connect.preferred-worker");
type PreferredGlobals = { [PREFERRED_KEY]?: Map<string, number> };
const preferred = ((globalThis as PreferredGlobals)[PREFERRED_KEY] ??= new Map<string, number>());

/** Whether each worker of a cluster answers GET / (not counted as the listing's requests: one per worker). */
export async function workersAnswering(cluster: ClusterRef, timeoutMs = 2000): Promise<boolean[]> {
  return Promise.all(
    workerUrls(cluster).map((url) =>
      fetch(`${url}/`, { signal: AbortSignal.timeout(timeoutMs), cache: "no-store" }).then(
        (r) => r.ok,
        () => false,
      ),
    ),
  );
}

// ------------------------------------------------------------------ request counting

// On globalThis so every route bundle of the server shares one counter (Next may load this module per route).
const STORAGE_KEY = Symbol.for("lab-console.connect.request-scope");
type Globals = { [STORAGE_KEY]?: AsyncLocalStorage<{ count: number }> };
const g = globalThis as Globals;
const scope = (g[STORAGE_KEY] ??= new AsyncLocalStorage<{ count: number }>());

/** Runs `fn` and reports how many Connect requests it made (only its own, even with concurrent requests). */
export async function countConnectRequests<T>(fn: () => Promise<T>): Promise<{ result: T; requests: number }> {
  const store = { count: 0 };
  const result = await scope.run(store, fn);
  return { result, requests: store.count };
}

// ------------------------------------------------------------------ the one request function

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

interface CallOptions {
  body?: unknown;
  timeoutMs?: number;
  /** What to redact from error messages (redactionList of the config sent); default: the console's passwords. */
  secrets?: string[];
}

/** Passwords the console knows; stripped from every message Connect sends back. */
export function knownSecrets(): string[] {
  const c = config();
  return [c.postgres.password, c.s3.secretAccessKey, c.s3.accessKeyId];
}

/**
 * The values to redact from traces and messages: the console's passwords, the given ones and the config's
 * secrets — minus any "secret" that is also a public value of the lab or the config. The lab's database
 * password equals its user name ("sudoers"); redacting it would garble `user "sudoers"` and topics like
 * liga_sudoers.public.pessoas while hiding nothing a reader cannot already see.
 */
export function redactionList(cfg: Record<string, string> = {}, extra: (string | null | undefined)[] = []): string[] {
  const c = config();
  const publicValues = new Set([c.postgres.user, c.postgres.oltpDatabase, c.postgres.dwDatabase, c.postgres.consoleDatabase]);
  for (const [k, v] of Object.entries(cfg)) if (!isSecretKey(k)) publicValues.add(v);
  const secrets = [...knownSecrets(), ...extra, ...Object.entries(cfg).filter(([k]) => isSecretKey(k)).map(([, v]) => v)];
  return [...new Set(secrets)]
    .filter((s): s is string => Boolean(s) && s !== MASK && !publicValues.has(s as string))
    .sort((a, b) => b.length - a.length);
}

function connectError(cluster: ClusterRef, method: Method, path: string, status: number, body: unknown, secrets: string[] | undefined): AppError {
  const b = (body ?? {}) as { error_code?: number; message?: string };
  const raw = typeof b.message === "string" && b.message ? b.message : `HTTP ${status}`;
  const message = redactValues(scrubSecrets(raw), secrets ?? redactionList());
  const where = `Kafka Connect at ${cluster.url} (${method} ${path})`;
  // The connector a path names (/connectors/{name}/…), for messages that say which one.
  const connector = /^\/connectors\/([^/?]+)/.exec(path)?.[1];
  const params = { url: cluster.url, method, path, connector: connector ? decodeURIComponent(connector) : "" };
  const opts = (more: { retryAfter?: number } = {}) => ({ params, detail: message, ...more });
  if (status === 409) {
    if (/already exists/i.test(message)) return new AppError(409, "connector_exists", `${message}. Choose another name, or edit the existing connector.`, "connect", opts());
    // Connect answers 409 while the workers rebalance or a config change is being applied.
    return new AppError(409, "connect_rebalancing", `${message} — ${where} is rebalancing; try again in a few seconds.`, "connect", opts({ retryAfter: 3 }));
  }
  if (status === 404) {
    if (connector) return new AppError(404, "connector_not_found", `Connector "${params.connector}" does not exist on ${cluster.url}: ${message}`, "connect", opts());
    return new AppError(404, "connect_not_found", message, "connect", opts());
  }
  if (status >= 400 && status < 500) return new AppError(status, "connect_rejected", message, "connect", opts());
  return new AppError(502, "connect_error", `${where} failed: ${message}`, "connect", opts());
}

/** Reads are retried this many times while the workers rebalance (a fresh connector triggers one). */
const REBALANCE_RETRIES = 5;

/**
 * One HTTP request to a Connect worker: counted, timed out, and mapped to AppError on any failure. A read that
 * meets a rebalance ("a rebalance is expected", 409) is asked again a moment later: it changes nothing.
 */
async function call<T>(cluster: ClusterRef, method: Method, path: string, opts: CallOptions = {}): Promise<{ status: number; body: T | null }> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await callOnce<T>(cluster, method, path, opts);
    } catch (e) {
      const rebalancing = e instanceof AppError && /rebalanc/i.test(`${e.code} ${e.message}`);
      if (method !== "GET" || !rebalancing || attempt >= REBALANCE_RETRIES) throw e;
      await new Promise((r) => setTimeout(r, 500 * (attempt + 1)));
    }
  }
}

/**
 * A cluster of several workers (CONNECT_URLS "a|b") is asked through the worker that answered last; one that
 * refuses the connection (stopped, or never reached) is skipped for the next — any worker of a group answers
 * every request, forwarding writes to the group's leader. A timeout is not retried elsewhere: the request may
 * have been applied.
 */
async function callOnce<T>(cluster: ClusterRef, method: Method, path: string, opts: CallOptions): Promise<{ status: number; body: T | null }> {
  const urls = workerUrls(cluster);
  const first = preferred.get(cluster.id) ?? 0;
  for (let i = 0; ; i++) {
    const n = (first + i) % urls.length;
    try {
      const r = await callWorker<T>(cluster, urls[n], method, path, opts);
      preferred.set(cluster.id, n);
      return r;
    } catch (e) {
      const unreachable = e instanceof AppError && e.code === "connect_unreachable";
      if (!unreachable || i + 1 >= urls.length) throw e;
    }
  }
}

async function callWorker<T>(cluster: ClusterRef, base: string, method: Method, path: string, opts: CallOptions): Promise<{ status: number; body: T | null }> {
  const s = scope.getStore();
  if (s) s.count += 1;
  const timeoutMs = opts.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const worker = scrubSecrets(base);
  let res: Response;
  try {
    res = await fetch(`${base}${path}`, {
      method,
      headers: { accept: "application/json", ...(opts.body !== undefined ? { "content-type": "application/json" } : {}) },
      body: opts.body !== undefined ? JSON.stringify(opts.body) : undefined,
      signal: AbortSignal.timeout(timeoutMs),
      cache: "no-store",
    });
  } catch (e) {
    const failure = networkFailure(e);
    if (failure === "timeout") {
      throw new AppError(504, "connect_timeout", `Kafka Connect at ${worker} did not answer ${method} ${path} within ${timeoutMs / 1000} s. Is the worker overloaded or stuck in a rebalance? Check its log.`, "connect", { params: { url: worker, method, path, seconds: timeoutMs / 1000 } });
    }
    const detail = (e as Error & { cause?: Error }).cause?.message ?? (e as Error).message;
    throw new AppError(503, "connect_unreachable", `Kafka Connect at ${worker} is unreachable (${failure ?? "error"}: ${scrubSecrets(detail)}). Start it (npm run lab:up) or fix CONNECT_URLS.`, "connect", { params: { url: worker }, detail: scrubSecrets(detail) });
  }
  const text = await res.text();
  let body: unknown = null;
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      // Jetty answers some errors (e.g. "Ambiguous URI path encoding") with an HTML page: keep its title.
      const title = /<title>([^<]*)<\/title>/i.exec(text)?.[1];
      body = { message: (title ?? text).trim().slice(0, 500) };
    }
  }
  if (!res.ok) throw connectError(cluster, method, path, res.status, body, opts.secrets);
  return { status: res.status, body: body as T | null };
}

const enc = encodeURIComponent;

// ------------------------------------------------------------------ Connect's shapes (the vendor's, not ours)

export interface RawStateEntry {
  state: string;
  worker_id?: string;
  version?: string;
  trace?: string;
}
export interface RawStatus {
  name: string;
  connector: RawStateEntry;
  tasks: (RawStateEntry & { id: number })[];
  type?: string;
}
export interface RawInfo {
  name: string;
  config: Record<string, string>;
  tasks: { connector: string; task: number }[];
  type?: string;
}
export interface RawValidation {
  name: string;
  error_count: number;
  groups: string[];
  configs: { definition?: { name: string; required?: boolean } | null; value?: { name: string; value: string | null; errors: string[]; visible?: boolean } | null }[];
}
export interface RawOffsets {
  offsets: { partition: Record<string, unknown>; offset: Record<string, unknown> | null }[];
}

// ------------------------------------------------------------------ endpoints

/**
 * Every connector with its config and (once Connect has one) its status, in two parallel requests whatever the
 * count. Not one `?expand=status&expand=info`: Connect leaves a connector out of that answer altogether while it
 * has no status yet (the seconds after creation, longer on a rebalancing cluster), so a new sink would vanish
 * from the list and from the delete confirmation that should name it.
 */
export async function listConnectorsExpanded(cluster: ClusterRef): Promise<Record<string, { status?: RawStatus; info?: RawInfo }>> {
  const [infos, statuses] = await Promise.all([
    call<Record<string, { info?: RawInfo }>>(cluster, "GET", "/connectors?expand=info"),
    call<Record<string, { status?: RawStatus }>>(cluster, "GET", "/connectors?expand=status"),
  ]);
  const out: Record<string, { status?: RawStatus; info?: RawInfo }> = {};
  for (const [name, v] of Object.entries(infos.body ?? {})) out[name] = { info: v.info };
  for (const [name, v] of Object.entries(statuses.body ?? {})) out[name] = { ...out[name], status: v.status };
  return out;
}

export async function getConnectorInfo(cluster: ClusterRef, name: string): Promise<RawInfo> {
  return (await call<RawInfo>(cluster, "GET", `/connectors/${enc(name)}`)).body!;
}

export async function getConnectorConfig(cluster: ClusterRef, name: string): Promise<Record<string, string>> {
  return (await call<Record<string, string>>(cluster, "GET", `/connectors/${enc(name)}/config`)).body ?? {};
}

export async function getConnectorStatus(cluster: ClusterRef, name: string): Promise<RawStatus> {
  return (await call<RawStatus>(cluster, "GET", `/connectors/${enc(name)}/status`)).body!;
}

/** GET /connectors/{name}/topics; null when the worker has topic tracking disabled. */
export async function getConnectorTopics(cluster: ClusterRef, name: string): Promise<string[] | null> {
  try {
    const body = (await call<Record<string, { topics: string[] }>>(cluster, "GET", `/connectors/${enc(name)}/topics`)).body ?? {};
    return body[name]?.topics ?? [];
  } catch (e) {
    if (e instanceof AppError && /topic tracking/i.test(e.message)) return null;
    throw e;
  }
}

/** GET /connector-plugins — the connector classes installed on the worker. */
export async function listPlugins(cluster: ClusterRef): Promise<PluginInfo[]> {
  const body = (await call<{ class: string; type: string; version?: string }[]>(cluster, "GET", "/connector-plugins")).body ?? [];
  return body.map((p) => ({ className: p.class, type: p.type, version: p.version ?? null }));
}

/** PUT /connector-plugins/{class}/config/validate — the plugin's own per-key validation. */
export async function validateConfig(cluster: ClusterRef, className: string, cfg: Record<string, string>, secrets: string[] = []): Promise<RawValidation> {
  return (await call<RawValidation>(cluster, "PUT", `/connector-plugins/${enc(className)}/config/validate`, { body: cfg, timeoutMs: VALIDATE_TIMEOUT_MS, secrets })).body!;
}

/** POST /connectors — creates; 409 if the name is taken (never overwrites, unlike PUT .../config). */
export async function createConnector(cluster: ClusterRef, name: string, cfg: Record<string, string>, secrets: string[] = []): Promise<RawInfo> {
  return (await call<RawInfo>(cluster, "POST", "/connectors", { body: { name, config: cfg }, timeoutMs: VALIDATE_TIMEOUT_MS, secrets })).body!;
}

/** PUT /connectors/{name}/config — replaces the whole config (Connect validates it again). */
export async function putConnectorConfig(cluster: ClusterRef, name: string, cfg: Record<string, string>, secrets: string[] = []): Promise<RawInfo> {
  return (await call<RawInfo>(cluster, "PUT", `/connectors/${enc(name)}/config`, { body: cfg, timeoutMs: VALIDATE_TIMEOUT_MS, secrets })).body!;
}

export async function pauseConnector(cluster: ClusterRef, name: string): Promise<void> {
  await call(cluster, "PUT", `/connectors/${enc(name)}/pause`);
}

export async function resumeConnector(cluster: ClusterRef, name: string): Promise<void> {
  await call(cluster, "PUT", `/connectors/${enc(name)}/resume`);
}

/** PUT /connectors/{name}/stop (KIP-875): tasks shut down, config kept; required before changing offsets. */
export async function stopConnector(cluster: ClusterRef, name: string): Promise<void> {
  await call(cluster, "PUT", `/connectors/${enc(name)}/stop`);
}

/** POST /connectors/{name}/restart — 202 with the status when tasks are involved, 204 otherwise. */
export async function restartConnector(cluster: ClusterRef, name: string, opts: { includeTasks: boolean; onlyFailed: boolean }): Promise<RawStatus | null> {
  const q = `includeTasks=${opts.includeTasks}&onlyFailed=${opts.onlyFailed}`;
  return (await call<RawStatus>(cluster, "POST", `/connectors/${enc(name)}/restart?${q}`, { timeoutMs: 30_000 })).body;
}

export async function restartTask(cluster: ClusterRef, name: string, task: number): Promise<void> {
  await call(cluster, "POST", `/connectors/${enc(name)}/tasks/${task}/restart`, { timeoutMs: 30_000 });
}

export async function deleteConnector(cluster: ClusterRef, name: string): Promise<void> {
  await call(cluster, "DELETE", `/connectors/${enc(name)}`, { timeoutMs: 30_000 });
}

/** GET /connectors/{name}/offsets (KIP-875). */
export async function getOffsets(cluster: ClusterRef, name: string): Promise<RawOffsets> {
  return (await call<RawOffsets>(cluster, "GET", `/connectors/${enc(name)}/offsets`)).body ?? { offsets: [] };
}

/** PATCH /connectors/{name}/offsets — the connector must be STOPPED. */
export async function alterOffsets(cluster: ClusterRef, name: string, offsets: RawOffsets["offsets"]): Promise<string | null> {
  const body = (await call<{ message?: string }>(cluster, "PATCH", `/connectors/${enc(name)}/offsets`, { body: { offsets }, timeoutMs: 30_000 })).body;
  return body?.message ?? null;
}

/** DELETE /connectors/{name}/offsets — the connector must be STOPPED; sinks then start from the beginning. */
export async function resetOffsets(cluster: ClusterRef, name: string): Promise<string | null> {
  const body = (await call<{ message?: string }>(cluster, "DELETE", `/connectors/${enc(name)}/offsets`, { timeoutMs: 30_000 })).body;
  return body?.message ?? null;
}
