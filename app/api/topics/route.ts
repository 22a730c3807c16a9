import { mutatingRoute } from "@/lib/auth/guard";
import { readRoute } from "@/lib/http/contract";
import { topicOps } from "@/lib/kafka/operations";
import { topicsOverview } from "@/lib/kafka/topics/topics";

export const dynamic = "force-dynamic";

/** Topics (partitions, offsets, counts) and the lab's consumer groups with their lag. */
export const GET = readRoute(() => topicsOverview());

export const POST = mutatingRoute(topicOps.create);
