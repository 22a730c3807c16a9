import { z } from "zod";
import { connectorsUsing } from "@/lib/connect/usage";
import { parseInput, readRoute } from "@/lib/http/contract";

export const dynamic = "force-dynamic";

const usageQuery = z.union([
  z.strictObject({ bucket: z.string().min(1).max(63) }),
  z.strictObject({ topic: z.string().min(1).max(249) }),
]);

/**
 * GET /api/connectors/usage?bucket=raw | ?topic=liga_sudoers.public.pessoas — the connectors whose config points
 * at the bucket (s3.bucket.name, bucket, …) or reads/writes the topic (topics, topics.regex, Debezium's prefix
 * and table list): what a delete confirmation names. Names, types, states and the config key only.
 */
export const GET = readRoute(async ({ query }) => connectorsUsing(parseInput(usageQuery, query, "query")));
