import { z } from "zod";
import { parseInput, readRoute } from "@/lib/http/contract";
import { generatorKind } from "@/lib/generators/shared/params";
import { generatorRegistry } from "@/lib/generators/registry";

export const dynamic = "force-dynamic";

const runsQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(20),
  generator: generatorKind.optional(),
});

/** The latest stored runs (newest first), with the live counters of the runs of this process. */
export const GET = readRoute(({ query }) => {
  const q = parseInput(runsQuery, query, "query");
  return generatorRegistry().recentRuns(q.limit, q.generator);
});
