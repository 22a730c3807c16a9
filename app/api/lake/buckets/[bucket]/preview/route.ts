import { z } from "zod";
import { previewObject } from "@/lib/s3/preview";
import { parseInput, readRoute } from "@/lib/http/contract";
import { bucketParam, objectKey } from "@/lib/s3/inputs";

export const dynamic = "force-dynamic";

/** A preview built from ranged reads: 64 KB of text/JSON/CSV, or hyparquet's few ranges of a Parquet file. */
export const GET = readRoute<{ bucket: string }>(async ({ req, params, query }) => {
  const bucket = bucketParam(params);
  const q = parseInput(z.strictObject({ key: objectKey }), query, "query");
  return previewObject(bucket, q.key, req.signal);
});
