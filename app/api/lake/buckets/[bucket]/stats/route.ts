import { z } from "zod";
import { countPrefix } from "@/lib/s3/objects/objects";
import { parseInput, readRoute } from "@/lib/http/contract";
import { bucketParam, folderPrefix } from "@/lib/s3/inputs";

export const dynamic = "force-dynamic";

/** Object count and bytes under a prefix (default: the whole bucket), counted by paging — on demand only. */
export const GET = readRoute<{ bucket: string }>(async ({ req, params, query }) => {
  const bucket = bucketParam(params);
  const q = parseInput(z.strictObject({ prefix: folderPrefix }), query, "query");
  return countPrefix(bucket, q.prefix, req.signal);
});
