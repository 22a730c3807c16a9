// Sends a file to S3 through the console: one PUT up to 8 MiB, else a multipart upload whose 8 MiB parts go
// three at a time. XMLHttpRequest (not fetch) because only it reports upload progress.
import type { UploadedObject, UploadStarted } from "@/lib/s3/shared/lake-types";
import { PART_SIZE, SINGLE_PUT_MAX } from "@/lib/s3/shared/upload-limits";
import { abortUploadAction, completeUploadAction, startUploadAction } from "@/app/actions/lake";
import { actionData, ApiError, errorFromBody } from "../fetcher";
import { lakeApi } from "./paths";

const PARALLEL_PARTS = 3;

function xhrSend<T>(method: string, url: string, body: Blob, contentType: string, onProgress: (loaded: number) => void, signal: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(method, url);
    xhr.setRequestHeader("content-type", contentType);
    xhr.setRequestHeader("accept", "application/json");
    xhr.upload.onprogress = (e) => onProgress(e.loaded);
    xhr.onload = () => {
      let json: { ok?: boolean; data?: T } | null = null;
      try {
        json = JSON.parse(xhr.responseText);
      } catch {
        // not JSON
      }
      if (xhr.status >= 200 && xhr.status < 300 && json?.ok) resolve(json.data as T);
      else reject(errorFromBody(xhr.status, json));
    };
    xhr.onerror = () => reject(new ApiError({ status: 0, code: "console_unreachable", message: "The upload was interrupted (network error).", source: "console" }));
    xhr.onabort = () => reject(new DOMException("The upload was cancelled.", "AbortError"));
    signal.addEventListener("abort", () => xhr.abort(), { once: true });
    xhr.send(body);
  });
}

export async function uploadFile(bucket: string, key: string, file: File, onProgress: (sent: number) => void, signal: AbortSignal): Promise<UploadedObject> {
  const contentType = file.type || "application/octet-stream";
  if (file.size <= SINGLE_PUT_MAX) {
    return xhrSend<UploadedObject>("PUT", lakeApi.upload(bucket, key), file, contentType, onProgress, signal);
  }

  const started = await actionData<UploadStarted>(startUploadAction(bucket, { key, contentType }));
  const count = Math.ceil(file.size / PART_SIZE);
  const sentByPart = new Array<number>(count).fill(0);
  const parts: { partNumber: number; etag: string }[] = [];
  let next = 0;
  try {
    await Promise.all(
      Array.from({ length: Math.min(PARALLEL_PARTS, count) }, async () => {
        while (next < count && !signal.aborted) {
          const index = next++;
          const blob = file.slice(index * PART_SIZE, Math.min(file.size, (index + 1) * PART_SIZE));
          const url = lakeApi.path(bucket, `uploads/${encodeURIComponent(started.uploadId)}/parts/${index + 1}`, { key });
          const part = await xhrSend<{ partNumber: number; etag: string }>("PUT", url, blob, "application/octet-stream", (loaded) => {
            sentByPart[index] = loaded;
            onProgress(sentByPart.reduce((a, b) => a + b, 0));
          }, signal);
          parts.push(part);
        }
      }),
    );
    if (signal.aborted) throw new DOMException("The upload was cancelled.", "AbortError");
    return await actionData<UploadedObject>(completeUploadAction(bucket, started.uploadId, { key, size: file.size, parts }));
  } catch (e) {
    // Leave nothing half-uploaded behind on the server.
    await actionData(abortUploadAction(bucket, started.uploadId, key)).catch(() => undefined);
    throw e;
  }
}
