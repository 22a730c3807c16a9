import "server-only";
import pg from "pg";
import { config } from "../config";
import { networkFailure, scrubSecrets } from "../errors";
import type { ServiceHealth, ServiceId } from "../shared/health-types";
import { connectionOptions, endpointOf, type DatabaseRole } from "./client";

/**
 * A fresh connection per probe (not the pool): a pooled client could answer from a socket that outlived
 * a restart, and the probe must see what a new client would see.
 */
export async function probePostgres(id: ServiceId, role: DatabaseRole): Promise<ServiceHealth> {
  const timeout = config().healthTimeoutMs;
  const started = performance.now();
  const client = new pg.Client({ ...connectionOptions(role), connectionTimeoutMillis: timeout, query_timeout: timeout });
  client.on("error", () => undefined);
  const base = { id, endpoint: endpointOf(role) };
  try {
    await client.connect();
    const r = await client.query<{ server_version: string }>("SHOW server_version");
    return { ...base, up: true, latencyMs: Math.round(performance.now() - started), version: `PostgreSQL ${r.rows[0].server_version.split(" ")[0]}`, failure: null, reason: null };
  } catch (e) {
    const err = e as { code?: string; message?: string };
    const failure = err.code === "28P01" || err.code === "28000" ? "auth" : err.code === "3D000" ? "missing" : (networkFailure(e) ?? "other");
    return { ...base, up: false, latencyMs: Math.round(performance.now() - started), version: null, failure, reason: scrubSecrets(err.message ?? String(e), [config().postgres.password]) };
  } finally {
    client.end().catch(() => undefined);
  }
}
