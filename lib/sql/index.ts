import "server-only";
import { config } from "../config";
import { connectionOptions } from "../pg/client";
import { s3 } from "../s3/client";
import { SqlEngine, type EngineOptions } from "./engine";

let shared: Promise<SqlEngine> | undefined;

export function engineOptions(overrides: Partial<EngineOptions> = {}): EngineOptions {
  return { ...config().sql, s3: s3(), pg: (db) => connectionOptions(db), ...overrides };
}

/** The console's one SQL engine (one DuckDB instance, one cache folder), made on first use. */
export function sqlEngine(): Promise<SqlEngine> {
  shared ??= SqlEngine.create(engineOptions()).catch((e) => {
    shared = undefined;
    throw e;
  });
  return shared;
}
