import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { BrowsePage } from "@/lib/kafka/shared/browse-types";
import { apiGet } from "../fetcher";
import { topicPath } from "./paths";
import { topicsKeys } from "./keys";
import { type HookQueryOptions, withQueryOptions } from "../hook-options";

/** `query` is the browser's query string (from, partition, offset, timestamp, limit, after/before). */
export function getTopicMessages(name: string, query: string, signal?: AbortSignal): Promise<BrowsePage> {
  return apiGet<BrowsePage>(`${topicPath(name)}/messages?${query}`, signal);
}

/** One page of the message browser; the previous page stays on screen while the next one loads. */
export function useTopicMessagesQuery(name: string, query: string | null, options: HookQueryOptions<BrowsePage> = {}) {
  return useQuery(withQueryOptions({
    queryKey: topicsKeys.messages(name, query ?? ""),
    queryFn: ({ signal }) => getTopicMessages(name, query!, signal),
    enabled: query !== null,
    placeholderData: keepPreviousData,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  }, options));
}
