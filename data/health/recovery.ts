// When the health strip sees a service come back, the views that read it fetch again: a lake listing must not
// keep "connection refused" for 30 s of retry backoff after S3 is back. Pure.
import type { LabHealth, ServiceId } from "@/lib/shared/health-types";

/** The query-key roots (data/<area>/keys.ts) whose data comes from each service. */
export const QUERY_ROOTS_BY_SERVICE: Record<ServiceId, readonly string[]> = {
  postgresOltp: ["database", "generators", "sql", "connect"],
  postgresDw: ["database", "sql"],
  kafka: ["topics", "connect"],
  connect: ["connect", "database"],
  s3: ["lake", "sql"],
};

/** Services down (or unknown) in `before` and up in `after`. */
export function recoveredServices(before: LabHealth | undefined, after: LabHealth | undefined): ServiceId[] {
  if (!before || !after) return [];
  const wasUp = new Map(before.services.map((s) => [s.id, s.up]));
  return after.services.filter((s) => s.up && wasUp.get(s.id) === false).map((s) => s.id);
}

/** The query-key roots to fetch again after these services came back. */
export function rootsToRefetch(services: ServiceId[]): string[] {
  return [...new Set(services.flatMap((s) => QUERY_ROOTS_BY_SERVICE[s]))];
}
