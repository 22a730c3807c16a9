// The console's route handlers as found on disk, for the tests that prove something of every one of them
// (the guard on each mutation, the one HTTP contract on each answer).
import { readdirSync, statSync } from "node:fs";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "..");

/** Every app/api/**\/route.ts. */
export function routeFiles(dir = path.join(ROOT, "app/api")): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return routeFiles(p);
    return name === "route.ts" ? [p] : [];
  });
}
