import { useQuery } from "@tanstack/react-query";
import type { TraceView } from "@/lib/pipeline/shared/trace";
import { apiGet } from "../fetcher";
import { pipelineKeys } from "./keys";
import { type HookQueryOptions, withQueryOptions } from "../hook-options";

/** GET /api/pipeline/traces/:id: one trace, its hops and where it stopped. */
export function getTrace(id: string, signal?: AbortSignal): Promise<TraceView> {
  return apiGet<TraceView>(`/api/pipeline/traces/${encodeURIComponent(id)}`, signal);
}

/** One trace, polled every second while it runs (each hop is stored as soon as the console notices it). */
export function useTraceQuery(id: string, options: HookQueryOptions<TraceView> = {}) {
  return useQuery(withQueryOptions({
    queryKey: pipelineKeys.trace(id),
    queryFn: ({ signal }) => getTrace(id, signal),
    refetchInterval: (q) => (q.state.data?.status === "running" ? 1000 : false),
  }, options));
}
