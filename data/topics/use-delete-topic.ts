import { useQueryClient } from "@tanstack/react-query";
import { useAreaMutation } from "../health/use-clear-on-recovery";
import { deleteTopicAction } from "@/app/actions/topics";
import { actionData } from "../fetcher";
import { topicsKeys } from "./keys";
import { type HookMutationOptions, withMutationOptions } from "../hook-options";

export function deleteTopic(name: string): Promise<{ name: string }> {
  return actionData<{ name: string }>(deleteTopicAction(name));
}

/** Deletes the topic (operator only, audited), then the list and the topic are dropped from the cache. */
export function useDeleteTopicMutation(options: HookMutationOptions<{ name: string }, string> = {}) {
  const queryClient = useQueryClient();
  return useAreaMutation("topics", withMutationOptions({
    mutationFn: deleteTopic,
    onSuccess: async (_data, name) => {
      queryClient.removeQueries({ queryKey: topicsKeys.topic(name) });
      await queryClient.invalidateQueries({ queryKey: topicsKeys.list() });
    },
  }, options));
}
