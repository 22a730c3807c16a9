import { NextResponse } from "next/server";
import { mutatingRoute } from "@/lib/auth/guard";
import { tailHub } from "@/lib/kafka/tail/hub";
import { deleteTopic, describeTopic } from "@/lib/kafka/topics";
import { errorResponse, NO_STORE, parseTopicParam, topicParamError } from "../_shared";

export const dynamic = "force-dynamic";

type Params = { topic: string };

/** One topic: partitions, offsets, configuration and the consumer groups reading it. */
export async function GET(_req: Request, { params }: { params: Promise<Params> }) {
  const p = parseTopicParam((await params).topic);
  if (!p.ok) return p.response;
  try {
    return NextResponse.json(await describeTopic(p.topic), { headers: NO_STORE });
  } catch (e) {
    return errorResponse(e);
  }
}

export const DELETE = mutatingRoute<undefined, Params>({
  action: "topic.delete",
  target: ({ params }) => params.topic,
  run: async ({ params }) => {
    const error = topicParamError(params.topic);
    if (error) throw error;
    const deleted = await deleteTopic(params.topic);
    tailHub().topicDeleted(params.topic);
    return deleted;
  },
});
