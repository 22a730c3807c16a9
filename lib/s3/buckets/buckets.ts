import "server-only";
import { AbortMultipartUploadCommand, CreateBucketCommand, DeleteBucketCommand, ListBucketsCommand, ListMultipartUploadsCommand } from "@aws-sdk/client-s3";
import { config } from "../../config";
import { AppError } from "../../errors";
import { s3 } from "../client";
import { s3Call, s3Code } from "../errors";
import type { BucketSummary, DeleteResult } from "../shared/lake-types";
import { deletePrefix } from "../objects/objects";

export async function listBuckets(signal?: AbortSignal): Promise<BucketSummary[]> {
  const out = await s3Call({ action: "list buckets" }, () => s3().send(new ListBucketsCommand({}), { abortSignal: signal }));
  return (out.Buckets ?? [])
    .filter((b) => b.Name)
    .map((b) => ({ name: b.Name!, createdAt: b.CreationDate ? b.CreationDate.toISOString() : null }))
    .sort((a, b) => (a.name < b.name ? -1 : 1));
}

/** Creates a bucket; the name must already have passed bucketNameSchema. */
export async function createBucket(name: string): Promise<BucketSummary> {
  const region = config().s3.region;
  await s3Call({ action: "create the bucket", bucket: name }, () =>
    s3().send(
      new CreateBucketCommand({
        Bucket: name,
        // AWS wants the region spelled out everywhere but us-east-1.
        CreateBucketConfiguration: region && region !== "us-east-1" ? { LocationConstraint: region as never } : undefined,
      }),
    ),
  );
  return { name, createdAt: new Date().toISOString() };
}

/** Aborts unfinished multipart uploads (they block a bucket delete on some servers); best effort. */
async function abortMultipartUploads(bucket: string): Promise<number> {
  let aborted = 0;
  try {
    for (let round = 0; round < 100; round++) {
      const out = await s3().send(new ListMultipartUploadsCommand({ Bucket: bucket }));
      const uploads = out.Uploads ?? [];
      if (uploads.length === 0) break;
      for (const u of uploads) {
        await s3().send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: u.Key, UploadId: u.UploadId }));
        aborted++;
      }
      if (!out.IsTruncated) break;
    }
  } catch (e) {
    if (s3Code(e) !== "NotImplemented") throw e;
  }
  return aborted;
}

/**
 * Deletes a bucket. Without `withObjects` a non-empty bucket is refused (409); with it, its objects are deleted
 * first, 1,000 at a time, then the bucket.
 */
export async function deleteBucket(name: string, opts: { withObjects: boolean }): Promise<{ bucket: string; objects: DeleteResult | null }> {
  let objects: DeleteResult | null = null;
  if (opts.withObjects) {
    objects = await deletePrefix(name, "");
    if (objects.errors.length > 0) {
      const first = objects.errors[0];
      throw new AppError(502, "delete_incomplete", `${objects.errors.length} object(s) of bucket "${name}" could not be deleted (first: ${first.key}: ${first.code} ${first.message}); the bucket was kept. Try again.`, "s3", { params: { bucket: name, count: objects.errors.length, key: first.key }, detail: `${first.code} ${first.message}` });
    }
  }
  await s3Call({ action: "delete the bucket", bucket: name }, () => abortMultipartUploads(name));
  await s3Call({ action: "delete the bucket", bucket: name }, () => s3().send(new DeleteBucketCommand({ Bucket: name })));
  return { bucket: name, objects };
}
