import { useQuery } from "@tanstack/react-query";
import type { TopicsOverview } from "@/lib/kafka/topic-types";
import { apiGet } from "../fetcher";
import { TOPICS_REFRESH_MS, topicsKeys } from "./keys";

export function getTopicsOverview(signal?: AbortSignal): Promise<TopicsOverview> {
  return apiGet<TopicsOverview>("/api/topics", signal);
}

/** Topics with offsets and counts, and the lab's consumer groups with lag; refreshed every 5 s. */
export function useTopicsQuery() {
  return useQuery({
    queryKey: topicsKeys.list(),
    queryFn: ({ signal }) => getTopicsOverview(signal),
    refetchInterval: TOPICS_REFRESH_MS,
  });
}
