import { z } from "zod";
import { countPrefix } from "@/lib/s3/objects";
import { bucketParam, folderPrefix, parseOr422, queryOf, readRoute } from "../../../_lib/route";

export const dynamic = "force-dynamic";

/** Object count and bytes under a prefix (default: the whole bucket), counted by paging — on demand only. */
export const GET = readRoute<{ bucket: string }>(async (req, { params }) => {
  const bucket = bucketParam(params);
  const q = parseOr422(z.object({ prefix: folderPrefix }), queryOf(req), "query");
  return countPrefix(bucket, q.prefix, req.signal);
});
