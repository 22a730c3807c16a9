import "server-only";
import { config } from "../config";
import { networkFailure, scrubSecrets } from "../errors";
import type { ServiceHealth, ServiceMember } from "../shared/health-types";

interface WorkerAnswer {
  url: string;
  version: string | null;
  error: Error | null;
}

async function askWorker(url: string, timeout: number): Promise<WorkerAnswer> {
  try {
    const res = await fetch(`${url}/`, { signal: AbortSignal.timeout(timeout), cache: "no-store" });
    if (!res.ok) throw Object.assign(new Error(`${scrubSecrets(url)} answered HTTP ${res.status}`), { http: true });
    const info = (await res.json()) as { version?: string };
    return { url, version: info.version ?? null, error: null };
  } catch (e) {
    return { url, version: null, error: e as Error };
  }
}

/**
 * GET / on every worker of every configured Connect cluster (CONNECT_URLS "a|b,c"). Up when each cluster has a
 * worker that answers; degraded when some worker of a cluster of several does not (its tasks move to the
 * others); down when a cluster has no worker left. A single worker looks as it always did (no members).
 */
export async function probeConnect(): Promise<ServiceHealth> {
  const { workers } = config().connect;
  const timeout = config().healthTimeoutMs;
  const started = performance.now();
  const base = { id: "connect" as const, endpoint: workers.map((w) => w.map((u) => scrubSecrets(u)).join(" | ")).join(", ") };
  const answers = await Promise.all(workers.map((cluster) => Promise.all(cluster.map((url) => askWorker(url, timeout)))));
  const latencyMs = Math.round(performance.now() - started);
  const deadCluster = answers.find((cluster) => cluster.every((a) => a.error));
  if (deadCluster) {
    const err = deadCluster[0].error as Error & { http?: boolean; cause?: Error };
    const failure = err.http ? "http" : (networkFailure(err) ?? "other");
    const reason = err.cause?.message ? `${err.message}: ${err.cause.message}` : err.message;
    return { ...base, up: false, latencyMs, version: null, failure, reason: scrubSecrets(reason) };
  }
  const all = answers.flat();
  const version = all.find((a) => a.version)?.version;
  const result: ServiceHealth = { ...base, up: true, latencyMs, version: version ? `Kafka Connect ${version}` : null, failure: null, reason: null };
  if (all.length <= 1) return result;
  const list: ServiceMember[] = all.map((a) => ({ name: scrubSecrets(a.url), endpoint: scrubSecrets(a.url), up: !a.error }));
  const up = list.filter((m) => m.up).length;
  return { ...result, members: { kind: "workers", expected: list.length, up, list }, degraded: up < list.length };
}
