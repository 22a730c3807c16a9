import "server-only";
// The console's own multipart uploads, so none is left behind with its parts on the S3 server: each one is
// recorded when started (console database, table lake_uploads) and forgotten when completed or aborted. An
// upload whose part or abort failed (the S3 server went down mid-upload) is aborted again from the server, with
// backoff, until S3 answers; whatever is still left after that (the console restarted meanwhile, a closed tab)
// is aborted by the sweep, at start and on a schedule, once it is older than STALE_UPLOAD_MS.
import { AbortMultipartUploadCommand, ListMultipartUploadsCommand } from "@aws-sdk/client-s3";
import { db } from "../db";
import { processWide } from "../process-wide";
import { s3 } from "./client";
import { s3Code } from "./errors";

/** An upload of the console older than this, not completed, is abandoned (a slow classroom upload takes minutes). */
export const STALE_UPLOAD_MS = 6 * 60 * 60_000;
const SWEEP_EVERY_MS = 15 * 60_000;
/** How long a failed upload's abort is retried in this process before the sweep is left to it. */
const ABORT_RETRY_FOR_MS = 10 * 60_000;
const ABORT_BACKOFF_MS = { first: 500, max: 5_000 };

interface UploadRef {
  bucket: string;
  key: string;
  uploadId: string;
}

/** Uploads whose abort is being retried in this process. */
const retrying = processWide("lake-upload-aborts", () => new Map<string, Promise<boolean>>());

export async function trackUpload(u: UploadRef): Promise<void> {
  await db()
    .lakeUpload.create({ data: { uploadId: u.uploadId, bucket: u.bucket, key: u.key } })
    .catch((e: unknown) => console.error(`[lake] could not record upload ${u.uploadId} (the sweep will not see it): ${(e as Error).message}`));
}

export async function untrackUpload(uploadId: string): Promise<void> {
  await db()
    .lakeUpload.deleteMany({ where: { uploadId } })
    .catch(() => undefined); // the sweep drops rows whose upload is gone
}

/** Aborts once; true when the upload is gone (aborted now, or already). */
async function abortOnce(u: UploadRef): Promise<boolean> {
  try {
    await s3().send(new AbortMultipartUploadCommand({ Bucket: u.bucket, Key: u.key, UploadId: u.uploadId }));
  } catch (e) {
    if (s3Code(e) !== "NoSuchUpload") throw e;
  }
  await untrackUpload(u.uploadId);
  return true;
}

/**
 * Aborts `u` from the server, retrying with backoff while the S3 server cannot be reached (bounded); resolves
 * true once it is gone. One retry loop per upload however often it is asked.
 */
export function abortInBackground(u: UploadRef): Promise<boolean> {
  const running = retrying.get(u.uploadId);
  if (running) return running;
  const loop = (async () => {
    const giveUpAt = Date.now() + ABORT_RETRY_FOR_MS;
    for (let wait = ABORT_BACKOFF_MS.first; ; wait = Math.min(wait * 2, ABORT_BACKOFF_MS.max)) {
      try {
        return await abortOnce(u);
      } catch (e) {
        if (Date.now() + wait > giveUpAt) {
          console.error(`[lake] could not abort upload ${u.uploadId} of ${u.bucket}/${u.key} (the sweep will): ${(e as Error).message}`);
          return false;
        }
        await new Promise((r) => setTimeout(r, wait).unref?.());
      }
    }
  })().finally(() => retrying.delete(u.uploadId));
  retrying.set(u.uploadId, loop);
  return loop;
}

/**
 * Aborts the console's uploads that the S3 server still holds (ListMultipartUploads) and that began more than
 * `olderThanMs` ago; drops the records of uploads the server no longer has. Others' uploads are never touched.
 * Returns the upload ids aborted.
 */
export async function sweepStaleUploads(olderThanMs = STALE_UPLOAD_MS): Promise<string[]> {
  const ours = await db().lakeUpload.findMany();
  const byBucket = new Map<string, Map<string, (typeof ours)[number]>>();
  for (const r of ours) {
    if (!byBucket.has(r.bucket)) byBucket.set(r.bucket, new Map());
    byBucket.get(r.bucket)!.set(r.uploadId, r);
  }
  const aborted: string[] = [];
  const cutoff = Date.now() - olderThanMs;
  for (const [bucket, tracked] of byBucket) {
    const onServer = new Map<string, Date>();
    try {
      let keyMarker: string | undefined;
      let uploadIdMarker: string | undefined;
      for (;;) {
        const page = await s3().send(new ListMultipartUploadsCommand({ Bucket: bucket, KeyMarker: keyMarker, UploadIdMarker: uploadIdMarker }));
        for (const u of page.Uploads ?? []) if (u.UploadId) onServer.set(u.UploadId, u.Initiated ?? new Date(0));
        if (!page.IsTruncated) break;
        keyMarker = page.NextKeyMarker;
        uploadIdMarker = page.NextUploadIdMarker;
      }
    } catch (e) {
      if (s3Code(e) === "NoSuchBucket") {
        await db().lakeUpload.deleteMany({ where: { bucket } });
        continue;
      }
      throw e;
    }
    for (const [uploadId, row] of tracked) {
      const initiated = onServer.get(uploadId);
      if (!initiated) {
        await untrackUpload(uploadId); // completed or aborted elsewhere
        continue;
      }
      if (Math.min(initiated.getTime(), row.startedAt.getTime()) > cutoff) continue;
      if (await abortOnce({ bucket, key: row.key, uploadId })) aborted.push(uploadId);
    }
  }
  return aborted;
}

/** At start (a few seconds in) and every SWEEP_EVERY_MS: once per process. */
export function startUploadSweeper(): void {
  processWide("lake-upload-sweeper", () => {
    const sweep = () =>
      sweepStaleUploads().then(
        (ids) => ids.length && console.log(`[lake] aborted ${ids.length} stale multipart upload(s) the console had started`),
        (e: unknown) => console.warn(`[lake] stale-upload sweep failed (next in ${SWEEP_EVERY_MS / 60_000} min): ${(e as Error).message}`),
      );
    setTimeout(sweep, 5_000).unref?.();
    return setInterval(sweep, SWEEP_EVERY_MS).unref?.();
  });
}
