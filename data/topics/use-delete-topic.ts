import { useMutation, useQueryClient } from "@tanstack/react-query";
import { deleteTopicAction } from "@/app/actions/topics";
import { actionData } from "../fetcher";
import { topicsKeys } from "./keys";

export function deleteTopic(name: string): Promise<{ name: string }> {
  return actionData<{ name: string }>(deleteTopicAction(name));
}

/** Deletes the topic (operator only, audited), then the list and the topic are dropped from the cache. */
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
