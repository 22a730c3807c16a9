import { parseInput, readRoute } from "@/lib/http/contract";
import { browseTopic } from "@/lib/kafka/messages/browse";
import { browseQuerySchema } from "@/lib/kafka/shared/browse-types";
import { topicNameSchema } from "@/lib/kafka/shared/topic-name";

export const dynamic = "force-dynamic";

/**
 * A page of messages: ?from=earliest|latest|offset|timestamp [&partition=&offset=&timestamp=] &limit=,
 * then ?after=<cursor> or ?before=<cursor> (from the previous answer) to page through.
 */
export const GET = readRoute<{ topic: string }>(({ params, query }) =>
  browseTopic(parseInput(topicNameSchema, params.topic, "topic name"), parseInput(browseQuerySchema, query, "query")),
);
