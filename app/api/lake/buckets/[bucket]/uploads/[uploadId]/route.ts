import { z } from "zod";
import { mutatingRoute } from "@/lib/auth/guard";
import { abortMultipart, completeMultipart, MAX_PARTS } from "@/lib/s3/upload";
import { bucketParam, objectKey } from "@/lib/s3/inputs";

export const dynamic = "force-dynamic";

type Params = { bucket: string; uploadId: string };

/** Completes a multipart upload once every part is in. */
export const POST = mutatingRoute<{ key: string; size: number; parts: { partNumber: number; etag: string }[] }, Params>({
  action: "lake.upload.complete",
  input: z.strictObject({
    key: objectKey,
    size: z.number().int().min(0),
    parts: z.array(z.strictObject({ partNumber: z.number().int().min(1).max(MAX_PARTS), etag: z.string().min(1).max(200) })).min(1).max(MAX_PARTS),
  }),
  target: ({ params, input }) => `${params.bucket}/${input.key}`,
  run: ({ input, params }) => completeMultipart(bucketParam(params), input.key, params.uploadId, input.parts, input.size),
});

/** Aborts an upload (cancel, or a failed part): the server drops the parts already stored. */
export const DELETE = mutatingRoute<{ key: string }, Params>({
  action: "lake.upload.abort",
  input: z.strictObject({ key: objectKey }),
  target: ({ params, input }) => `${params.bucket}/${input.key}`,
  run: ({ input, params }) => abortMultipart(bucketParam(params), input.key, params.uploadId),
});
