import { z } from "zod";
import { headObject } from "@/lib/s3/objects/objects";
import { parseInput, readRoute } from "@/lib/http/contract";
import { bucketParam, objectKey } from "@/lib/s3/inputs";

export const dynamic = "force-dynamic";

/** Size, ETag, last modified, content type and user metadata (one HEAD). */
export const GET = readRoute<{ bucket: string }>(async ({ req, params, query }) => {
  const bucket = bucketParam(params);
  const q = parseInput(z.strictObject({ key: objectKey }), query, "query");
  return headObject(bucket, q.key, req.signal);
});
