import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiSend } from "../fetcher";
import { topicPath } from "./paths";
import { topicsKeys } from "./keys";

export function deleteTopic(name: string): Promise<{ name: string }> {
  return apiSend<{ name: string }>("DELETE", topicPath(name));
}

/** DELETE /api/topics/:name (operator only, audited), then the list and the topic are dropped from the cache. */
export function useDeleteTopicMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteTopic,
    onSuccess: async (_data, name) => {
      queryClient.removeQueries({ queryKey: topicsKeys.topic(name) });
      await queryClient.invalidateQueries({ queryKey: topicsKeys.list() });
    },
  });
}
