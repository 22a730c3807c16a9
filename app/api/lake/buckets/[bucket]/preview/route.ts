import { z } from "zod";
import { previewObject } from "@/lib/s3/preview";
import { bucketParam, objectKey, parseOr422, queryOf, readRoute } from "../../../_lib/route";

export const dynamic = "force-dynamic";

/** A preview built from ranged reads: 64 KB of text/JSON/CSV, or hyparquet's few ranges of a Parquet file. */
export const GET = readRoute<{ bucket: string }>(async (req, { params }) => {
  const bucket = bucketParam(params);
  const q = parseOr422(z.object({ key: objectKey }), queryOf(req), "query");
  return previewObject(bucket, q.key, req.signal);
});
