import { z } from "zod";
import { latestObjects } from "@/lib/s3/objects/latest";
import { parseInput, readRoute } from "@/lib/http/contract";
import { bucketParam, folderPrefix } from "@/lib/s3/inputs";

export const dynamic = "force-dynamic";

/** The newest objects under a prefix (walks into the newest partition; see lib/s3/objects/latest.ts for the limits). */
export const GET = readRoute<{ bucket: string }>(async ({ req, params, query }) => {
  const bucket = bucketParam(params);
  const q = parseInput(z.strictObject({ prefix: folderPrefix, limit: z.coerce.number().int().min(1).max(500).default(50) }), query, "query");
  return latestObjects({ bucket, prefix: q.prefix, limit: q.limit, signal: req.signal });
});
