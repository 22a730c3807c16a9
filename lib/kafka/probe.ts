import "server-only";
import net from "node:net";
import { config } from "../config";
import { networkFailure, scrubSecrets } from "../errors";
import type { ServiceHealth } from "../shared/health-types";
import { probeClient } from "./client";
import { brokerList, brokerMembers } from "./cluster-view";

/** True when host:port accepts a TCP connection within the timeout. */
function reachable(endpoint: string, timeoutMs: number): Promise<boolean> {
  const i = endpoint.lastIndexOf(":");
  const host = endpoint.slice(0, i).replace(/^\[|\]$/g, "");
  const port = Number(endpoint.slice(i + 1));
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
  });
}

/**
 * Kafka is up when its cluster answers; with several bootstrap addresses the probe asks through those that
 * accept a connection (kafkajs picks a seed at random, and a stopped broker must not make the cluster look down),
 * and names each broker expected — configured or live — with the ones that do not answer (degraded).
 */
export async function probeKafka(): Promise<ServiceHealth> {
  const { brokers } = config().kafka;
  const timeout = config().healthTimeoutMs;
  const started = performance.now();
  const open = brokers.length > 1 ? await Promise.all(brokers.map((b) => reachable(b, timeout))) : brokers.map(() => true);
  const seeds = brokers.filter((_, i) => open[i]);
  const admin = probeClient(timeout, seeds.length ? seeds : brokers).admin();
  const base = { id: "kafka" as const, endpoint: brokers.join(",") };
  try {
    const work = (async () => {
      await admin.connect();
      return admin.describeCluster();
    })();
    const cluster = await Promise.race([work, new Promise<never>((_, rej) => setTimeout(() => rej(Object.assign(new Error(`no answer from ${brokers.join(",")} within ${timeout} ms`), { code: "ETIMEDOUT" })), timeout))]);
    // Kafka's protocol does not report the broker's release; name the cluster and its size instead.
    const version = `KRaft cluster ${cluster.clusterId.slice(0, 8)} · ${cluster.brokers.length} broker${cluster.brokers.length === 1 ? "" : "s"}`;
    const members = brokerMembers(brokerList(brokers, cluster.brokers, cluster.controller));
    const degraded = Boolean(members && members.up < members.expected);
    return { ...base, up: true, latencyMs: Math.round(performance.now() - started), version, failure: null, reason: null, ...(members ? { members, degraded } : {}) };
  } catch (e) {
    return { ...base, up: false, latencyMs: Math.round(performance.now() - started), version: null, failure: networkFailure(e) ?? "other", reason: scrubSecrets((e as Error).message) };
  } finally {
    admin.disconnect().catch(() => undefined);
  }
}
