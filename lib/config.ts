import "server-only";
import { readLabEndpoints, resolveConfig, type AppConfig } from "./config-core";

export type { AppConfig } from "./config-core";

let cached: AppConfig | undefined;

/**
 * The console's configuration: environment variables first, then the endpoints `npm run lab:up`
 * wrote to .lab/endpoints.json, then the lab's defaults. Validated once, on first use.
 */
export function config(): AppConfig {
  cached ??= resolveConfig(process.env, readLabEndpoints());
  return cached;
}
