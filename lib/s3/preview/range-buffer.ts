import "server-only";
import { GetObjectCommand, type S3Client } from "@aws-sdk/client-s3";
import type { AsyncBuffer } from "hyparquet";
import { AppError } from "../../errors";
import { s3 } from "../client";
import { s3Call } from "../errors";

export interface RangeCounter {
  bytes: number;
  requests: number;
}

/** Bytes [start, end) of an object with one ranged GET. */
export async function readRange(bucket: string, key: string, start: number, end: number, opts: { signal?: AbortSignal; client?: S3Client } = {}): Promise<Uint8Array> {
  if (end <= start) return new Uint8Array(0);
  const out = await s3Call({ action: "read part of the object", bucket, key }, () =>
    (opts.client ?? s3()).send(new GetObjectCommand({ Bucket: bucket, Key: key, Range: `bytes=${start}-${end - 1}` }), { abortSignal: opts.signal }),
  );
  return out.Body ? await out.Body.transformToByteArray() : new Uint8Array(0);
}

/** Files this small are read whole in the first request: one round trip instead of several overlapping ones. */
export const READ_WHOLE_BELOW = 512 * 1024;

/**
 * A hyparquet AsyncBuffer whose slices are ranged GETs, so a reader fetches only the footer and the pages it
 * needs — never the whole file. Slices inside a range already read are served from memory. Every byte fetched
 * is counted, and a budget stops a preview that would read too much.
 */
export function rangeAsyncBuffer(
  bucket: string,
  key: string,
  size: number,
  opts: { counter: RangeCounter; budgetBytes?: number; signal?: AbortSignal; client?: S3Client },
): AsyncBuffer {
  const fetched: { start: number; bytes: Uint8Array }[] = [];
  const toArrayBuffer = (bytes: Uint8Array) => bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  return {
    byteLength: size,
    async slice(start: number, end = size) {
      let s = Math.max(0, start);
      let e = Math.min(size, end);
      const hit = fetched.find((f) => f.start <= s && e <= f.start + f.bytes.byteLength);
      if (hit) return toArrayBuffer(hit.bytes.subarray(s - hit.start, e - hit.start));
      const wanted = { s, e };
      if (size <= READ_WHOLE_BELOW) {
        s = 0;
        e = size;
      }
      if (opts.budgetBytes !== undefined && opts.counter.bytes + (e - s) > opts.budgetBytes) {
        throw new AppError(
          413,
          "preview_too_large",
          `Previewing "${bucket}/${key}" would read more than ${Math.round(opts.budgetBytes / 1048576)} MiB (its first rows sit in very large pages without a page index). Download it instead.`,
          "console",
          { params: { bucket, key, mib: Math.round(opts.budgetBytes / 1048576) } },
        );
      }
      const bytes = await readRange(bucket, key, s, e, opts);
      opts.counter.bytes += bytes.byteLength;
      opts.counter.requests++;
      // Keep the few ranges a preview reads (footer, first pages) for later slices inside them.
      if (fetched.length < 16) fetched.push({ start: s, bytes });
      return toArrayBuffer(bytes.subarray(wanted.s - s, wanted.e - s));
    },
  };
}
