import "server-only";
import pg from "pg";
import { config } from "../config";

export type DatabaseRole = "oltp" | "dw" | "console";

const pools = new Map<DatabaseRole, pg.Pool>();

export function connectionOptions(role: DatabaseRole): pg.ClientConfig {
  const c = config().postgres;
  const base = { user: c.user, password: c.password, application_name: "lab-console" };
  if (role === "dw") return { ...base, host: c.dwHost, port: c.dwPort, database: c.dwDatabase };
  return { ...base, host: c.host, port: c.port, database: role === "oltp" ? c.oltpDatabase : c.consoleDatabase };
}

/** One pool per database, created on first use and kept for the life of the server. */
export function pool(role: DatabaseRole): pg.Pool {
  let p = pools.get(role);
  if (!p) {
    p = new pg.Pool({ ...connectionOptions(role), max: 10, idleTimeoutMillis: 30_000, connectionTimeoutMillis: 5_000 });
    p.on("error", () => undefined); // an idle client dying (server restart) must not crash the console
    // nor one checked out between two queries (its next query rejects with the cause anyway)
    p.on("connect", (client) => client.on("error", () => undefined));
    pools.set(role, p);
  }
  return p;
}

/** Human-facing endpoint of a database, never with credentials. */
export function endpointOf(role: DatabaseRole): string {
  const o = connectionOptions(role);
  return `${o.host}:${o.port}/${o.database}`;
}
