import { useInfiniteQuery } from "@tanstack/react-query";
import type { TracePage } from "@/lib/pipeline/shared/trace";
import { apiGet } from "../fetcher";
import { pipelineKeys } from "./keys";

/** GET /api/pipeline/traces: one page of stored traces, newest first (`before`: the previous page's nextBefore). */
export function getTraces(limit: number, before: string | null, signal?: AbortSignal): Promise<TracePage> {
  const q = new URLSearchParams({ limit: String(limit) });
  if (before) q.set("before", before);
  return apiGet<TracePage>(`/api/pipeline/traces?${q.toString()}`, signal);
}

/** The traces, page by page; refreshed every second while one of them runs. */
export function useTracesQuery(limit = 20) {
  return useInfiniteQuery({
    queryKey: pipelineKeys.traceList(limit),
    queryFn: ({ pageParam, signal }) => getTraces(limit, pageParam, signal),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextBefore,
    refetchInterval: (q) => (q.state.data?.pages.some((p) => p.traces.some((t) => t.status === "running")) ? 1000 : 5000),
  });
}
