// The console's changes to Kafka as guarded operations, shared by the JSON routes and the UI's server actions.
import "server-only";
import type { z } from "zod";
import type { MutationSpec } from "../auth/guard";
import { parseInput } from "../http/contract";
import { createTopicSchema, topicNameSchema } from "./shared/topic-name";
import { createTopic, deleteTopic } from "./topics/topics";

export const topicOps = {
  create: {
    action: "topic.create",
    input: createTopicSchema,
    target: ({ input }) => input.name,
    successStatus: 201,
    run: ({ input }) => createTopic(input),
  } satisfies MutationSpec<z.infer<typeof createTopicSchema>, Record<string, never>>,
  delete: {
    action: "topic.delete",
    target: ({ params }) => params.topic,
    run: ({ params }) => deleteTopic(parseInput(topicNameSchema, params.topic, "topic name")),
  } satisfies MutationSpec<undefined, { topic: string }>,
};
