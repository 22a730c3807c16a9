import { z } from "zod";
import { mutatingRoute } from "@/lib/auth/guard";
import { listObjectsPage, MAX_KEYS_LIMIT } from "@/lib/s3/objects/list";
import { lakeOps } from "@/lib/s3/operations";
import { parseInput, readRoute } from "@/lib/http/contract";
import { bucketParam, folderPrefix } from "@/lib/s3/inputs";

export const dynamic = "force-dynamic";

const pageQuery = z.strictObject({
  prefix: folderPrefix,
  filter: z.string().max(1024).default(""),
  token: z.string().max(4096).optional(),
  maxKeys: z.coerce.number().int().min(1).max(MAX_KEYS_LIMIT).default(200),
  delimiter: z.enum(["0", "1"]).default("1"),
});

/** One page of the listing (one ListObjectsV2 call); `nextToken` fetches the next. */
export const GET = readRoute<{ bucket: string }>(async ({ req, params, query }) => {
  const bucket = bucketParam(params);
  const q = parseInput(pageQuery, query, "query");
  return listObjectsPage({ bucket, prefix: q.prefix, filter: q.filter, token: q.token, maxKeys: q.maxKeys, delimiter: q.delimiter === "1", signal: req.signal });
});

/** Deletes the selected objects (up to 1,000, one DeleteObjects call). */
export const DELETE = mutatingRoute(lakeOps.deleteObjects);
