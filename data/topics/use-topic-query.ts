import { useQuery } from "@tanstack/react-query";
import type { TopicDetail } from "@/lib/kafka/shared/topic-types";
import { apiGet } from "../fetcher";
import { topicPath } from "./paths";
import { TOPICS_REFRESH_MS, topicsKeys } from "./keys";
import { type HookQueryOptions, withQueryOptions } from "../hook-options";

export function getTopic(name: string, signal?: AbortSignal): Promise<TopicDetail> {
  return apiGet<TopicDetail>(topicPath(name), signal);
}

/** One topic: partitions, offsets, configuration, the groups reading it. */
export function useTopicQuery(name: string, options: HookQueryOptions<TopicDetail> = {}) {
  return useQuery(withQueryOptions({
    queryKey: topicsKeys.topic(name),
    queryFn: ({ signal }) => getTopic(name, signal),
    refetchInterval: TOPICS_REFRESH_MS,
  }, options));
}
