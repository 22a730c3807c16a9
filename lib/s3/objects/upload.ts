import "server-only";
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateMultipartUploadCommand,
  PutObjectCommand,
  UploadPartCommand,
} from "@aws-sdk/client-s3";
import { AppError } from "../../errors";
import { s3 } from "../client";
import { s3Call } from "../errors";
import type { UploadedObject, UploadStarted } from "../shared/lake-types";
import { abortInBackground, trackUpload, untrackUpload } from "../stale-uploads";
import { PART_SIZE } from "../shared/upload-limits";

// Uploads go browser → console → S3, so the browser never needs S3 credentials, nor CORS on the S3 server.
export { MAX_PARTS, PART_SIZE, SINGLE_PUT_MAX } from "../shared/upload-limits";

/** Reads a request body, refusing more than `max` bytes or fewer than Content-Length announced (truncation). */
export async function readBody(req: Request, max: number): Promise<Uint8Array> {
  const declared = Number(req.headers.get("content-length") ?? NaN);
  if (Number.isFinite(declared) && declared > max) {
    throw new AppError(413, "part_too_large", `A request body carries at most ${max} bytes (one upload part); this one announced ${declared}. Upload larger files in parts.`, "console", { params: { max, got: declared } });
  }
  const body = new Uint8Array(await req.arrayBuffer());
  if (body.byteLength > max) {
    throw new AppError(413, "part_too_large", `A request body carries at most ${max} bytes (one upload part); got ${body.byteLength}.`, "console", { params: { max, got: body.byteLength } });
  }
  if (Number.isFinite(declared) && body.byteLength !== declared) {
    throw new AppError(400, "body_truncated", `The console received ${body.byteLength} of the ${declared} bytes sent; nothing was written. Retry the upload.`, "console", { params: { got: body.byteLength, declared } });
  }
  return body;
}

export async function putObject(bucket: string, key: string, body: Uint8Array, contentType: string | null): Promise<UploadedObject> {
  const out = await s3Call({ action: "upload the object", bucket, key }, () =>
    s3().send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: body, ContentLength: body.byteLength, ContentType: contentType || undefined })),
  );
  return { bucket, key, etag: out.ETag ?? null, size: body.byteLength };
}

export async function startMultipart(bucket: string, key: string, contentType: string | null): Promise<UploadStarted> {
  const out = await s3Call({ action: "start a multipart upload", bucket, key }, () =>
    s3().send(new CreateMultipartUploadCommand({ Bucket: bucket, Key: key, ContentType: contentType || undefined })),
  );
  if (!out.UploadId) throw new AppError(502, "no_upload_id", `The S3 server started no multipart upload for "${bucket}/${key}" (no UploadId).`, "s3", { params: { bucket, key } });
  await trackUpload({ bucket, key, uploadId: out.UploadId });
  return { uploadId: out.UploadId, key, partSize: PART_SIZE };
}

/** A part the S3 server failed to take ends the upload (the browser gives up on it too): the console aborts it. */
export async function uploadPart(bucket: string, key: string, uploadId: string, partNumber: number, body: Uint8Array): Promise<{ partNumber: number; etag: string }> {
  try {
    const out = await s3Call({ action: `upload part ${partNumber}`, bucket, key }, () =>
      s3().send(new UploadPartCommand({ Bucket: bucket, Key: key, UploadId: uploadId, PartNumber: partNumber, Body: body, ContentLength: body.byteLength })),
    );
    return { partNumber, etag: out.ETag ?? "" };
  } catch (e) {
    if (!(e instanceof AppError && e.code === "no_such_upload")) void abortInBackground({ bucket, key, uploadId });
    throw e;
  }
}

export async function completeMultipart(
  bucket: string,
  key: string,
  uploadId: string,
  parts: { partNumber: number; etag: string }[],
  size: number,
): Promise<UploadedObject> {
  const sorted = [...parts].sort((a, b) => a.partNumber - b.partNumber);
  const out = await s3Call({ action: "complete the multipart upload", bucket, key }, () =>
    s3().send(
      new CompleteMultipartUploadCommand({
        Bucket: bucket,
        Key: key,
        UploadId: uploadId,
        MultipartUpload: { Parts: sorted.map((p) => ({ PartNumber: p.partNumber, ETag: p.etag })) },
      }),
    ),
  );
  await untrackUpload(uploadId);
  return { bucket, key, etag: out.ETag ?? null, size };
}

/** Aborts now; when the S3 server cannot take it, the console keeps aborting from the server until it can. */
export async function abortMultipart(bucket: string, key: string, uploadId: string): Promise<{ aborted: true }> {
  try {
    await s3Call({ action: "abort the multipart upload", bucket, key }, () =>
      s3().send(new AbortMultipartUploadCommand({ Bucket: bucket, Key: key, UploadId: uploadId })),
    );
  } catch (e) {
    if (e instanceof AppError && e.code === "no_such_upload") await untrackUpload(uploadId);
    else void abortInBackground({ bucket, key, uploadId });
    throw e;
  }
  await untrackUpload(uploadId);
  return { aborted: true };
}
