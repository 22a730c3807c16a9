import "server-only";
import { config } from "../config";
import { connectionOptions } from "../pg/client";
import { s3 } from "../s3/client";
import { SqlEngine, type EngineOptions } from "./engine";

// On globalThis: a dev-server reload re-evaluates modules, and a second engine would empty the first one's cache.
const g = globalThis as unknown as { labConsoleSqlEngine?: Promise<SqlEngine> };

export function engineOptions(overrides: Partial<EngineOptions> = {}): EngineOptions {
  return { ...config().sql, s3: s3(), pg: (db) => connectionOptions(db), ...overrides };
}

/** The console's one SQL engine (one DuckDB instance, one cache folder), made on first use. */
export function sqlEngine(): Promise<SqlEngine> {
  g.labConsoleSqlEngine ??= SqlEngine.create(engineOptions()).catch((e) => {
    g.labConsoleSqlEngine = undefined;
    throw e;
  });
  return g.labConsoleSqlEngine;
}
