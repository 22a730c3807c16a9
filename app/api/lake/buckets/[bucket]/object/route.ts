import { z } from "zod";
import { headObject } from "@/lib/s3/objects";
import { bucketParam, objectKey, parseOr422, queryOf, readRoute } from "../../../_lib/route";

export const dynamic = "force-dynamic";

/** Size, ETag, last modified, content type and user metadata (one HEAD). */
export const GET = readRoute<{ bucket: string }>(async (req, { params }) => {
  const bucket = bucketParam(params);
  const q = parseOr422(z.object({ key: objectKey }), queryOf(req), "query");
  return headObject(bucket, q.key, req.signal);
});
