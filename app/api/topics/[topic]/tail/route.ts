import { tailFilterSchema } from "@/lib/kafka/tail-filter";
import { tailHub } from "@/lib/kafka/tail/hub";
import { errorResponse, invalid, parseTopicParam, queryObject } from "../../_shared";

export const dynamic = "force-dynamic";

/**
 * Live tail over Server-Sent Events. Filters: ?op=c,u,d&key=…&field=…&value=…. Resume: the Last-Event-ID
 * header (sent by EventSource on reconnect) or ?lastEventId=partition:offset. Events: `ready`, messages
 * (id "partition:offset"), `skipped` {count}, `gap` {partition, fromOffset, toOffset, count}, `tail-error`.
 */
export async function GET(req: Request, { params }: { params: Promise<{ topic: string }> }) {
  const p = parseTopicParam((await params).topic);
  if (!p.ok) return p.response;
  const query = queryObject(req.url);
  const filter = tailFilterSchema.safeParse(query);
  if (!filter.success) {
    return invalid(`Invalid filter — ${filter.error.issues.map((i) => `${i.path.join(".") || "query"}: ${i.message}`).join("; ")}`, filter.error.issues);
  }
  const lastEventId = req.headers.get("last-event-id") ?? query.lastEventId ?? null;
  try {
    const stream = await tailHub().open(p.topic, { filter: filter.data, lastEventId, signal: req.signal });
    return new Response(stream, {
      headers: {
        "Content-Type": "text/event-stream; charset=utf-8",
        // no-transform: keeps compression (which would buffer events) off this response.
        "Cache-Control": "no-cache, no-store, no-transform",
        Connection: "keep-alive",
        "X-Accel-Buffering": "no",
      },
    });
  } catch (e) {
    return errorResponse(e);
  }
}
