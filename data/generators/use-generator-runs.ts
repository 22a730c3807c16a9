import { useQuery } from "@tanstack/react-query";
import type { RunSnapshot } from "@/lib/generators/shared/types";
import { apiGet } from "../fetcher";
import { generatorKeys } from "./keys";
import { type HookQueryOptions, withQueryOptions } from "../hook-options";

/** GET /api/generators/runs: the latest stored runs, newest first. */
export async function getGeneratorRuns(limit: number, signal?: AbortSignal): Promise<RunSnapshot[]> {
  return apiGet<RunSnapshot[]>(`/api/generators/runs?limit=${limit}`, signal);
}

export function useGeneratorRunsQuery(limit = 20, options: HookQueryOptions<RunSnapshot[]> = {}) {
  return useQuery(withQueryOptions({
    queryKey: generatorKeys.runList(limit),
    queryFn: ({ signal }) => getGeneratorRuns(limit, signal),
  }, options));
}
