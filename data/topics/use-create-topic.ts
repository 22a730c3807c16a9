import { useQueryClient } from "@tanstack/react-query";
import { useAreaMutation } from "../health/use-clear-on-recovery";
import type { CreateTopicInput } from "@/lib/kafka/shared/topic-name";
import type { CreatedTopic } from "@/lib/kafka/shared/topic-types";
import { createTopicAction } from "@/app/actions/topics";
import { actionData } from "../fetcher";
import { topicsKeys } from "./keys";
import { type HookMutationOptions, withMutationOptions } from "../hook-options";

export function createTopic(input: CreateTopicInput): Promise<CreatedTopic> {
  return actionData<CreatedTopic>(createTopicAction(input));
}

/** Creates the topic (operator only, audited), then the list is fetched again. */
export function useCreateTopicMutation(options: HookMutationOptions<CreatedTopic, CreateTopicInput> = {}) {
  const queryClient = useQueryClient();
  return useAreaMutation("topics", withMutationOptions({
    mutationFn: createTopic,
    onSuccess: async (created) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: topicsKeys.list() }),
        queryClient.invalidateQueries({ queryKey: topicsKeys.topic(created.name) }),
      ]);
    },
  }, options));
}
