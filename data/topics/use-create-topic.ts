import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { CreateTopicInput } from "@/lib/kafka/topic-name";
import type { CreatedTopic } from "@/lib/kafka/topic-types";
import { createTopicAction } from "@/app/actions/topics";
import { actionData } from "../fetcher";
import { topicsKeys } from "./keys";

export function createTopic(input: CreateTopicInput): Promise<CreatedTopic> {
  return actionData<CreatedTopic>(createTopicAction(input));
}

/** Creates the topic (operator only, audited), then the list is fetched again. */
export function useCreateTopicMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createTopic,
    onSuccess: async (created) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: topicsKeys.list() }),
        queryClient.invalidateQueries({ queryKey: topicsKeys.topic(created.name) }),
      ]);
    },
  });
}
