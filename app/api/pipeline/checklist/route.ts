import { parseInput, readRoute } from "@/lib/http/contract";
import { cachedChecklist, defaultTargets } from "@/lib/pipeline/checklist/evaluate";
import { checklistQuery } from "@/lib/pipeline/checklist/inputs";

export const dynamic = "force-dynamic";

/** The course's checklist as live evidence (read-only; cheap to poll: checks in parallel, one evaluation shared for 3 s). */
export const GET = readRoute(async ({ query }) => {
  const q = parseInput(checklistQuery, query, "checklist query");
  const base = defaultTargets();
  return cachedChecklist({
    ...base,
    buckets: q.buckets ?? base.buckets,
    layerBuckets: q.layers ?? base.layerBuckets,
    connector: q.connector ? { name: q.connector, ...(q.cluster ? { cluster: q.cluster } : {}) } : null,
    windowMinutes: q.window,
  });
});
