// What the lake API accepts: bucket names of routes, object keys and folder prefixes.
import "server-only";
import { z } from "zod";
import { parseInput } from "../http/contract";
import { existingBucketSchema } from "./shared/bucket-name";
import { objectKeySchema } from "./objects/object-key";

/** The bucket of the route, validated before any request reaches S3. */
export function bucketParam(params: { bucket: string }): string {
  return parseInput(existingBucketSchema, params.bucket, "bucket");
}

/** An object key: the rules of lib/s3/objects/object-key.ts (no dot segments, ≤ 1,024 bytes, no control characters). */
export const objectKey = objectKeySchema;

/** A folder prefix: empty (the bucket root) or ending with "/". */
export const folderPrefix = z
  .string()
  .max(1024)
  .refine((p) => p === "" || p.endsWith("/"), "A folder prefix is empty or ends with /.")
  .default("");
