import "server-only";
import pg from "pg";
import { config } from "../config";
import { AppError, networkFailure, scrubSecrets } from "../errors";
import { endpointOf, pool, type DatabaseRole } from "./client";
import type { DatabaseRef } from "./shared/types";

// Transactions for the Database area: catalog reads run READ ONLY with a statement timeout (a slow catalog or a
// huge table cannot hold a connection); the doctor's fixes run in read-write transactions that re-check their
// preconditions first. Every PostgreSQL error leaves here as an AppError carrying PostgreSQL's own text.

/** Catalog queries: generous for 1,000 tables on a busy laptop, short enough that a stuck query frees its client. */
export const CATALOG_TIMEOUT_MS = 10_000;

/** The databases the console inspects: the lab's OLTP and DW (both from config). */
export function databases(): DatabaseRef[] {
  const c = config().postgres;
  return [
    { id: "oltp", name: c.oltpDatabase, endpoint: endpointOf("oltp"), kind: "oltp" },
    { id: "dw", name: c.dwDatabase, endpoint: endpointOf("dw"), kind: "dw" },
  ];
}

/** The database named in a URL segment, or a 404 that lists the configured ones. */
export function resolveDatabase(id: string): DatabaseRef & { role: DatabaseRole } {
  const found = databases().find((d) => d.id === id || d.name === id);
  if (!found) {
    const list = databases().map((d) => `${d.id} (${d.name})`).join(", ");
    throw new AppError(404, "database_not_found", `No database "${id}" is configured. Configured: ${list}. Set PG_OLTP_DB / PG_DW_DB to change them.`, "postgres", { params: { database: id, configured: list } });
  }
  return { ...found, role: found.kind };
}

/** A PostgreSQL (or network) failure as an AppError; PostgreSQL's own message is kept, passwords are not. */
export function pgError(e: unknown, what: string): AppError {
  if (e instanceof AppError) return e;
  const err = e as { code?: string; message?: string };
  const message = scrubSecrets(err.message ?? String(e), [config().postgres.password]);
  const net = networkFailure(e);
  const opts = (params: Record<string, string | number> = {}) => ({ params: { what, ...params }, detail: message });
  if (err.code === "57014") return new AppError(504, "pg_timeout", `${what}: PostgreSQL cancelled the query after ${CATALOG_TIMEOUT_MS / 1000} s (statement_timeout). ${message}`, "postgres", opts({ seconds: CATALOG_TIMEOUT_MS / 1000 }));
  if (err.code === "42501") return new AppError(403, "pg_permission_denied", `${what}: PostgreSQL refused — ${message}. The console's user (PG_USER) needs the privilege.`, "postgres", opts());
  if (err.code === "28P01" || err.code === "28000") return new AppError(502, "pg_auth_failed", `${what}: PostgreSQL refused the console's login — ${message}. Check PG_USER / PG_PASSWORD.`, "postgres", opts());
  if (net) return new AppError(503, "pg_unreachable", `${what}: PostgreSQL is not reachable (${net}) — ${message}. Start it with \`npm run lab:up\` or check PG_HOST / PG_PORT.`, "postgres", opts({ failure: net }));
  if (err.code === "55P03") return new AppError(409, "pg_lock_timeout", `${what}: the table is locked by another session (lock_timeout 3 s); nothing was changed. Try again. ${message}`, "postgres", opts());
  return new AppError(502, "pg_error", `${what}: PostgreSQL answered ${err.code ? `${err.code} ` : ""}— ${message}`, "postgres", opts({ sqlstate: err.code ?? "" }));
}

async function inTransaction<T>(role: DatabaseRole, mode: "READ ONLY" | "READ WRITE", what: string, fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
  let client: pg.PoolClient;
  try {
    client = await pool(role).connect();
  } catch (e) {
    throw pgError(e, what);
  }
  let broken = false;
  try {
    await client.query(`BEGIN ${mode}`);
    await client.query(`SET LOCAL statement_timeout = ${CATALOG_TIMEOUT_MS}`);
    await client.query("SET LOCAL lock_timeout = 3000");
    const result = await fn(client);
    await client.query("COMMIT");
    return result;
  } catch (e) {
    await client.query("ROLLBACK").catch(() => {
      broken = true;
    });
    throw pgError(e, what);
  } finally {
    client.release(broken);
  }
}

/** Runs `fn` in a READ ONLY transaction with the catalog's statement timeout. */
export function readOnly<T>(role: DatabaseRole, what: string, fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
  return inTransaction(role, "READ ONLY", what, fn);
}

/** Runs `fn` in a read-write transaction (the doctor's fixes, publication changes); rolled back on any error. */
export function readWrite<T>(role: DatabaseRole, what: string, fn: (c: pg.PoolClient) => Promise<T>): Promise<T> {
  return inTransaction(role, "READ WRITE", what, fn);
}

/** A quoted schema-qualified name: `"my schema"."my ""table"""`. */
export function qualified(schema: string, table: string): string {
  return `${pg.escapeIdentifier(schema)}.${pg.escapeIdentifier(table)}`;
}

export const ident = (name: string) => pg.escapeIdentifier(name);
