import { z } from "zod";
import { latestObjects } from "@/lib/s3/latest";
import { bucketParam, folderPrefix, parseOr422, queryOf, readRoute } from "../../../_lib/route";

export const dynamic = "force-dynamic";

/** The newest objects under a prefix (walks into the newest partition; see lib/s3/latest.ts for the limits). */
export const GET = readRoute<{ bucket: string }>(async (req, { params }) => {
  const bucket = bucketParam(params);
  const q = parseOr422(z.object({ prefix: folderPrefix, limit: z.coerce.number().int().min(1).max(500).default(50) }), queryOf(req), "query");
  return latestObjects({ bucket, prefix: q.prefix, limit: q.limit, signal: req.signal });
});
