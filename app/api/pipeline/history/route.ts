import { z } from "zod";
import { parseInput, readRoute } from "@/lib/http/contract";
import { INTERVAL_MS, pipelineSampler } from "@/lib/pipeline/sampler";
import type { PipelineHistory } from "@/lib/pipeline/shared/metrics";

export const dynamic = "force-dynamic";

const historyQuery = z.strictObject({
  kind: z.enum(["table_rate", "topic_rate", "sink_lag", "sink_objects", "sink_bytes", "slot_wal", "generator_rate"]),
  /** One series (a topic's name, `<cluster slug>/<connector>`, `<database>/<slot>`, a generator); all of the kind without it. */
  key: z.string().min(1).max(500).optional(),
});

/** The last hour of one kind of pipeline series, from the sampler's ring buffers (kept in memory, not across restarts). */
export const GET = readRoute(async ({ query }): Promise<PipelineHistory> => {
  const q = parseInput(historyQuery, query, "query");
  return { series: pipelineSampler().readHistory(q.kind, q.key ? [q.key] : null), intervalMs: INTERVAL_MS };
});
