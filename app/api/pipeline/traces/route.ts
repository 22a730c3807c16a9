import { mutatingRoute } from "@/lib/auth/guard";
import { parseInput, readRoute } from "@/lib/http/contract";
import { pipelineOps } from "@/lib/pipeline/operations";
import { listTraces } from "@/lib/pipeline/trace/store";
import { listTracesQuery } from "@/lib/pipeline/shared/trace";

export const dynamic = "force-dynamic";

/** GET /api/pipeline/traces?limit=&before= — stored traces, newest first; `nextBefore` pages on. For everyone. */
export const GET = readRoute(({ query }) => {
  const q = parseInput(listTracesQuery, query, "query");
  return listTraces(q.limit, q.before);
});

/** POST /api/pipeline/traces — starts a trace (operator, audited); answers once the marked change committed. */
export const POST = mutatingRoute(pipelineOps.startTrace);
