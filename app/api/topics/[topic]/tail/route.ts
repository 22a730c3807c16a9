import { parseInput, errorResponse, queryOf } from "@/lib/http/contract";
import { sseStreamResponse } from "@/lib/http/sse";
import { tailFilterSchema } from "@/lib/kafka/shared/tail-filter";
import { tailHub } from "@/lib/kafka/tail/hub";
import { topicNameSchema } from "@/lib/kafka/shared/topic-name";

export const dynamic = "force-dynamic";

/**
 * Live tail over Server-Sent Events. Filters: ?op=c,u,d&key=…&field=…&value=…. Resume: the Last-Event-ID
 * header (sent by EventSource on reconnect) or ?lastEventId=partition:offset. Events: `ready`, messages
 * (id "partition:offset"), `skipped` {count}, `gap` {partition, fromOffset, toOffset, count}, `tail-error`.
 */
export async function GET(req: Request, { params }: { params: Promise<{ topic: string }> }) {
  try {
    const topic = parseInput(topicNameSchema, (await params).topic, "topic name");
    const query = queryOf(req);
    const filter = parseInput(tailFilterSchema, query, "filter");
    const lastEventId = req.headers.get("last-event-id") ?? query.lastEventId ?? null;
    return sseStreamResponse(await tailHub().open(topic, { filter, lastEventId, signal: req.signal }));
  } catch (e) {
    return errorResponse(e);
  }
}
