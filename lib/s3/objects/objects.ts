import "server-only";
import { DeleteObjectsCommand, GetObjectCommand, HeadObjectCommand } from "@aws-sdk/client-s3";
import { getSignedUrl } from "@aws-sdk/s3-request-presigner";
import { s3 } from "../client";
import { s3Call, toS3AppError } from "../errors";
import type { BucketStats, DeleteResult, ObjectMeta, PresignedUrl } from "../shared/lake-types";
import { pageKeys } from "./list";
import { baseName } from "../shared/paths";

/** DeleteObjects takes at most 1,000 keys a call. */
export const DELETE_BATCH = 1000;

export async function headObject(bucket: string, key: string, signal?: AbortSignal): Promise<ObjectMeta> {
  const out = await s3Call({ action: "read the object's metadata", bucket, key }, () =>
    s3().send(new HeadObjectCommand({ Bucket: bucket, Key: key }), { abortSignal: signal }),
  );
  return {
    bucket,
    key,
    size: Number(out.ContentLength ?? 0),
    etag: out.ETag ?? null,
    lastModified: out.LastModified ? out.LastModified.toISOString() : null,
    contentType: out.ContentType ?? null,
    contentEncoding: out.ContentEncoding ?? null,
    cacheControl: out.CacheControl ?? null,
    storageClass: out.StorageClass ?? null,
    userMetadata: out.Metadata ?? {},
  };
}

/** RFC 6266 attachment header with an ASCII fallback and the UTF-8 name. */
export function attachmentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/**
 * A short-lived presigned GET. Signing is local (no request), and the URL carries a signature, never the secret
 * key. `download` asks the server to answer with Content-Disposition: attachment.
 */
export async function presignGet(bucket: string, key: string, opts: { expiresIn?: number; download?: boolean } = {}): Promise<PresignedUrl> {
  const expiresIn = Math.min(Math.max(Math.round(opts.expiresIn ?? 60), 1), 3600);
  try {
    const url = await getSignedUrl(
      s3(),
      new GetObjectCommand({ Bucket: bucket, Key: key, ResponseContentDisposition: opts.download ? attachmentDisposition(baseName(key)) : undefined }),
      { expiresIn },
    );
    return { url, expiresIn, expiresAt: new Date(Date.now() + expiresIn * 1000).toISOString() };
  } catch (e) {
    throw toS3AppError(e, { action: "sign a download link", bucket, key });
  }
}

/** Deletes keys in batches of 1,000 (one DeleteObjects call each); per-key failures are reported, not thrown. */
export async function deleteKeys(bucket: string, keys: string[], signal?: AbortSignal): Promise<DeleteResult> {
  const result: DeleteResult = { deleted: 0, errors: [], requests: 0 };
  for (let i = 0; i < keys.length; i += DELETE_BATCH) {
    const batch = keys.slice(i, i + DELETE_BATCH);
    result.requests++;
    const out = await s3Call({ action: "delete objects", bucket }, () =>
      s3().send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: batch.map((Key) => ({ Key })), Quiet: true } }), { abortSignal: signal }),
    );
    const failed = (out.Errors ?? []).map((e) => ({ key: e.Key ?? "", code: e.Code ?? "Error", message: e.Message ?? "" }));
    result.errors.push(...failed.slice(0, 100 - Math.min(100, result.errors.length)));
    result.deleted += batch.length - failed.length;
  }
  return result;
}

/** Objects and bytes under a prefix ("" = the whole bucket), counted by paging: on demand, never on load. */
export async function countPrefix(bucket: string, prefix: string, signal?: AbortSignal): Promise<BucketStats> {
  const stats: BucketStats = { bucket, prefix, objects: 0, bytes: 0, requests: 0 };
  for await (const page of pageKeys(bucket, prefix, signal)) {
    stats.requests++;
    stats.objects += page.length;
    for (const o of page) stats.bytes += Number(o.Size ?? 0);
  }
  return stats;
}

/**
 * Deletes every object under a prefix: list a page of 1,000 keys, delete them in one DeleteObjects call, go on
 * with the continuation token. Memory holds one page at a time.
 */
export async function deletePrefix(bucket: string, prefix: string, signal?: AbortSignal): Promise<DeleteResult> {
  const total: DeleteResult = { deleted: 0, errors: [], requests: 0 };
  for await (const page of pageKeys(bucket, prefix, signal)) {
    total.requests++;
    const keys = page.map((o) => o.Key!).filter(Boolean);
    if (keys.length === 0) continue;
    const r = await deleteKeys(bucket, keys, signal);
    total.deleted += r.deleted;
    total.requests += r.requests;
    total.errors.push(...r.errors.slice(0, Math.max(0, 100 - total.errors.length)));
  }
  return total;
}
