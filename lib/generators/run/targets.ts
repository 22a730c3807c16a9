import "server-only";
import type { StartParams } from "../shared/params";

/** The number of events a run aims at, when it has one (for a progress bar). */
export function targetOf(params: StartParams): number | null {
  const count = params.generator === "cdc" ? params.operations : params.orders;
  const byTime = params.durationS && params.rate ? Math.floor(params.durationS * params.rate) : null;
  if (count !== undefined && byTime !== null) return Math.min(count, byTime);
  return count ?? byTime;
}
