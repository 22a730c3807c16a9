import { mutatingRoute } from "@/lib/auth/guard";
import { readRoute } from "@/lib/http/contract";
import { createTopicSchema } from "@/lib/kafka/topic-name";
import { createTopic, topicsOverview } from "@/lib/kafka/topics";

export const dynamic = "force-dynamic";

/** Topics (partitions, offsets, counts) and the lab's consumer groups with their lag. */
export const GET = readRoute(() => topicsOverview());

export const POST = mutatingRoute({
  action: "topic.create",
  input: createTopicSchema,
  target: ({ input }) => input.name,
  successStatus: 201,
  run: ({ input }) => createTopic(input),
});
