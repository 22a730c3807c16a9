import { mutatingRoute } from "@/lib/auth/guard";
import { parseInput, readRoute } from "@/lib/http/contract";
import { topicNameSchema } from "@/lib/kafka/topic-name";
import { deleteTopic, describeTopic } from "@/lib/kafka/topics";

export const dynamic = "force-dynamic";

type Params = { topic: string };

/** One topic: partitions, offsets, configuration and the consumer groups reading it. */
export const GET = readRoute<Params>(({ params }) => describeTopic(parseInput(topicNameSchema, params.topic, "topic name")));

export const DELETE = mutatingRoute<undefined, Params>({
  action: "topic.delete",
  target: ({ params }) => params.topic,
  run: ({ params }) => deleteTopic(parseInput(topicNameSchema, params.topic, "topic name")),
});
