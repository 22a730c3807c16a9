import { readRoute } from "@/lib/http/contract";
import { config } from "@/lib/config";
import { SQL_EXAMPLES } from "@/lib/sql/shared/examples";

export const dynamic = "force-dynamic";

/** The course's examples and the engine's limits (what the page tells the user before they hit one). */
export const GET = readRoute(async () => {
  const c = config().sql;
  return {
    examples: SQL_EXAMPLES,
    limits: { maxRows: c.maxRows, queryTimeoutMs: c.queryTimeoutMs, memoryLimitMb: c.memoryLimitMb, maxFetchBytes: c.maxFetchBytes },
  };
});
