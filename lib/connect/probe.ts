import "server-only";
import { config } from "../config";
import { networkFailure, scrubSecrets } from "../errors";
import type { ServiceHealth } from "../shared/health-types";

/** GET / on every configured Connect cluster; up only when all answer. */
export async function probeConnect(): Promise<ServiceHealth> {
  const { urls } = config().connect;
  const timeout = config().healthTimeoutMs;
  const started = performance.now();
  const base = { id: "connect" as const, endpoint: urls.join(", ") };
  try {
    const infos = await Promise.all(
      urls.map(async (url) => {
        const res = await fetch(`${url}/`, { signal: AbortSignal.timeout(timeout), cache: "no-store" });
        if (!res.ok) throw Object.assign(new Error(`${url} answered HTTP ${res.status}`), { http: true });
        return (await res.json()) as { version?: string };
      }),
    );
    return { ...base, up: true, latencyMs: Math.round(performance.now() - started), version: infos[0]?.version ? `Kafka Connect ${infos[0].version}` : null, failure: null, reason: null };
  } catch (e) {
    const err = e as Error & { http?: boolean; cause?: Error };
    const failure = err.http ? "http" : (networkFailure(e) ?? "other");
    const reason = err.cause?.message ? `${err.message}: ${err.cause.message}` : err.message;
    return { ...base, up: false, latencyMs: Math.round(performance.now() - started), version: null, failure, reason: scrubSecrets(reason) };
  }
}
