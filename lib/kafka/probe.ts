import "server-only";
import { config } from "../config";
import { networkFailure, scrubSecrets } from "../errors";
import type { ServiceHealth } from "../shared/health-types";
import { probeClient } from "./client";

export async function probeKafka(): Promise<ServiceHealth> {
  const { brokers } = config().kafka;
  const timeout = config().healthTimeoutMs;
  const started = performance.now();
  const admin = probeClient(timeout).admin();
  const base = { id: "kafka" as const, endpoint: brokers.join(",") };
  try {
    const work = (async () => {
      await admin.connect();
      return admin.describeCluster();
    })();
    const cluster = await Promise.race([work, new Promise<never>((_, rej) => setTimeout(() => rej(Object.assign(new Error(`no answer from ${brokers.join(",")} within ${timeout} ms`), { code: "ETIMEDOUT" })), timeout))]);
    // Kafka's protocol does not report the broker's release; name the cluster and its size instead.
    const version = `KRaft cluster ${cluster.clusterId.slice(0, 8)} · ${cluster.brokers.length} broker${cluster.brokers.length === 1 ? "" : "s"}`;
    return { ...base, up: true, latencyMs: Math.round(performance.now() - started), version, failure: null, reason: null };
  } catch (e) {
    return { ...base, up: false, latencyMs: Math.round(performance.now() - started), version: null, failure: networkFailure(e) ?? "other", reason: scrubSecrets((e as Error).message) };
  } finally {
    admin.disconnect().catch(() => undefined);
  }
}
