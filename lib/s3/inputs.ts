// What the lake API accepts: bucket names of routes, object keys and folder prefixes.
import "server-only";
import { z } from "zod";
import { parseInput } from "../http/contract";
import { existingBucketSchema } from "./bucket-name";

/** The bucket of the route, validated before any request reaches S3. */
export function bucketParam(params: { bucket: string }): string {
  return parseInput(existingBucketSchema, params.bucket, "bucket");
}

/** An object key: 1–1024 bytes of UTF-8, as S3 allows. */
export const objectKey = z
  .string()
  .min(1, "The object key is empty.")
  .refine((k) => new TextEncoder().encode(k).length <= 1024, "An object key has at most 1,024 bytes.");

/** A folder prefix: empty (the bucket root) or ending with "/". */
export const folderPrefix = z
  .string()
  .max(1024)
  .refine((p) => p === "" || p.endsWith("/"), "A folder prefix is empty or ends with /.")
  .default("");
