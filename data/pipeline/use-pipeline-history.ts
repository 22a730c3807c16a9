import { useQuery } from "@tanstack/react-query";
import type { SeriesKind } from "@/lib/pipeline/shared/metrics";
import type { PipelineHistory } from "@/lib/pipeline/shared/metrics";
import { apiGet } from "../fetcher";
import { type HookQueryOptions, withQueryOptions } from "../hook-options";
import { pipelineKeys } from "./keys";

/** GET /api/pipeline/history: the last hour of one kind of series (or one series), kept by the server's sampler. */
export async function getPipelineHistory(kind: SeriesKind, key: string | null, signal?: AbortSignal): Promise<PipelineHistory> {
  const q = new URLSearchParams({ kind });
  if (key) q.set("key", key);
  return apiGet<PipelineHistory>(`/api/pipeline/history?${q.toString()}`, signal);
}

/** Refreshed every 2 s (the sampler's interval): reading memory on the server, no query to the lab. */
export function usePipelineHistoryQuery(kind: SeriesKind, key: string | null, options: HookQueryOptions<PipelineHistory> = {}) {
  return useQuery(withQueryOptions({ queryKey: pipelineKeys.history(kind, key), queryFn: ({ signal }) => getPipelineHistory(kind, key, signal), refetchInterval: 2_000 }, options));
}
