import { useQuery } from "@tanstack/react-query";
import type { TopicsOverview } from "@/lib/kafka/shared/topic-types";
import { apiGet } from "../fetcher";
import { TOPICS_REFRESH_MS, topicsKeys } from "./keys";
import { type HookQueryOptions, withQueryOptions } from "../hook-options";

export function getTopicsOverview(signal?: AbortSignal): Promise<TopicsOverview> {
  return apiGet<TopicsOverview>("/api/topics", signal);
}

/** Topics with offsets and counts, and the lab's consumer groups with lag; refreshed every 5 s. */
export function useTopicsQuery(options: HookQueryOptions<TopicsOverview> = {}) {
  return useQuery(withQueryOptions({
    queryKey: topicsKeys.list(),
    queryFn: ({ signal }) => getTopicsOverview(signal),
    refetchInterval: TOPICS_REFRESH_MS,
  }, options));
}
