import { NextResponse } from "next/server";
import { browseTopic } from "@/lib/kafka/browse";
import { browseQuerySchema } from "@/lib/kafka/browse-types";
import { errorResponse, invalid, NO_STORE, parseTopicParam, queryObject } from "../../_shared";

export const dynamic = "force-dynamic";

/**
 * A page of messages: ?from=earliest|latest|offset|timestamp [&partition=&offset=&timestamp=] &limit=,
 * then ?after=<cursor> or ?before=<cursor> (from the previous answer) to page through.
 */
export async function GET(req: Request, { params }: { params: Promise<{ topic: string }> }) {
  const p = parseTopicParam((await params).topic);
  if (!p.ok) return p.response;
  const q = browseQuerySchema.safeParse(queryObject(req.url));
  if (!q.success) {
    return invalid(`Invalid query — ${q.error.issues.map((i) => `${i.path.join(".") || "query"}: ${i.message}`).join("; ")}`, q.error.issues);
  }
  try {
    return NextResponse.json(await browseTopic(p.topic, q.data), { headers: NO_STORE });
  } catch (e) {
    return errorResponse(e);
  }
}
