import { mutatingRoute } from "@/lib/auth/guard";
import { parseInput, readRoute } from "@/lib/http/contract";
import { topicOps } from "@/lib/kafka/operations";
import { topicNameSchema } from "@/lib/kafka/shared/topic-name";
import { describeTopic } from "@/lib/kafka/topics/topics";

export const dynamic = "force-dynamic";

/** One topic: partitions, offsets, configuration and the consumer groups reading it. */
export const GET = readRoute<{ topic: string }>(({ params }) => describeTopic(parseInput(topicNameSchema, params.topic, "topic name")));

export const DELETE = mutatingRoute(topicOps.delete);
