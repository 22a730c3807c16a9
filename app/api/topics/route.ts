import { NextResponse } from "next/server";
import { mutatingRoute } from "@/lib/auth/guard";
import { createTopicSchema } from "@/lib/kafka/topic-name";
import { tailHub } from "@/lib/kafka/tail/hub";
import { createTopic, topicsOverview } from "@/lib/kafka/topics";
import { errorResponse, NO_STORE } from "./_shared";

export const dynamic = "force-dynamic";

/** Topics (partitions, offsets, counts) and the lab's consumer groups with their lag. */
export async function GET() {
  try {
    return NextResponse.json(await topicsOverview(), { headers: NO_STORE });
  } catch (e) {
    return errorResponse(e);
  }
}

export const POST = mutatingRoute({
  action: "topic.create",
  input: createTopicSchema,
  target: ({ input }) => input.name,
  successStatus: 201,
  run: async ({ input }) => {
    const created = await createTopic(input);
    tailHub().topicCreated();
    return created;
  },
});
