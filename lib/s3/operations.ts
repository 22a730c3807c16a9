// The console's changes to the lake as guarded operations, shared by the JSON routes and the UI's server actions.
// Raw uploads (a file's bytes as the body) exist only as routes: a server action cannot stream a body.
import "server-only";
import { z } from "zod";
import type { MutationSpec } from "../auth/guard";
import { bucketNameSchema } from "./shared/bucket-name";
import { createBucket, deleteBucket } from "./buckets/buckets";
import { bucketParam, objectKey } from "./inputs";
import { deleteKeys, deletePrefix, DELETE_BATCH } from "./objects/objects";
import { setPublicRead } from "./buckets/policy";
import { abortMultipart, completeMultipart, MAX_PARTS, startMultipart } from "./objects/upload";

type BucketParams = { bucket: string };
type UploadParams = { bucket: string; uploadId: string };

const createInput = z.strictObject({ name: bucketNameSchema });
const deleteBucketInput = z.strictObject({ withObjects: z.boolean().default(false), expectedObjects: z.number().int().min(0).optional() });
const accessInput = z.strictObject({ publicRead: z.boolean() });
const deleteObjectsInput = z.strictObject({ keys: z.array(objectKey).min(1).max(DELETE_BATCH) });
const deletePrefixInput = z.strictObject({
  prefix: z.string().min(1, "To empty a whole bucket, delete the bucket with its objects.").max(1024).refine((p) => p.endsWith("/"), "A folder prefix ends with /."),
  expectedObjects: z.number().int().min(0),
});
const startUploadInput = z.strictObject({ key: objectKey, contentType: z.string().max(255).optional() });
const completeUploadInput = z.strictObject({
  key: objectKey,
  size: z.number().int().min(0),
  parts: z.array(z.strictObject({ partNumber: z.number().int().min(1).max(MAX_PARTS), etag: z.string().min(1).max(200) })).min(1).max(MAX_PARTS),
});
const abortUploadInput = z.strictObject({ key: objectKey });

export const lakeOps = {
  createBucket: {
    action: "lake.bucket.create",
    input: createInput,
    target: ({ input }) => input.name,
    successStatus: 201,
    run: ({ input }) => createBucket(input.name),
  } satisfies MutationSpec<z.infer<typeof createInput>, Record<string, never>>,
  /** A non-empty bucket only with `withObjects: true`, sent after the person confirmed the count (`expectedObjects`, audited). */
  deleteBucket: {
    action: "lake.bucket.delete",
    input: deleteBucketInput,
    target: ({ params }) => params.bucket,
    run: ({ input, params }) => deleteBucket(bucketParam(params), { withObjects: input.withObjects }),
  } satisfies MutationSpec<z.infer<typeof deleteBucketInput>, BucketParams>,
  setAccess: {
    action: "lake.bucket.access",
    input: accessInput,
    target: ({ params }) => params.bucket,
    run: ({ input, params }) => setPublicRead(bucketParam(params), input.publicRead),
  } satisfies MutationSpec<z.infer<typeof accessInput>, BucketParams>,
  /** The selected objects (up to 1,000, one DeleteObjects call). */
  deleteObjects: {
    action: "lake.objects.delete",
    input: deleteObjectsInput,
    target: ({ params, input }) => `${params.bucket} (${input.keys.length} object${input.keys.length === 1 ? "" : "s"})`,
    run: ({ input, params }) => deleteKeys(bucketParam(params), input.keys),
  } satisfies MutationSpec<z.infer<typeof deleteObjectsInput>, BucketParams>,
  /** Every object under a folder, 1,000 keys per DeleteObjects call; `expectedObjects` is the count confirmed (audited). */
  deletePrefix: {
    action: "lake.prefix.delete",
    input: deletePrefixInput,
    target: ({ params, input }) => `${params.bucket}/${input.prefix}`,
    run: ({ input, params }) => deletePrefix(bucketParam(params), input.prefix),
  } satisfies MutationSpec<z.infer<typeof deletePrefixInput>, BucketParams>,
  startUpload: {
    action: "lake.upload.start",
    input: startUploadInput,
    target: ({ params, input }) => `${params.bucket}/${input.key}`,
    successStatus: 201,
    run: ({ input, params }) => startMultipart(bucketParam(params), input.key, input.contentType ?? null),
  } satisfies MutationSpec<z.infer<typeof startUploadInput>, BucketParams>,
  completeUpload: {
    action: "lake.upload.complete",
    input: completeUploadInput,
    target: ({ params, input }) => `${params.bucket}/${input.key}`,
    run: ({ input, params }) => completeMultipart(bucketParam(params), input.key, params.uploadId, input.parts, input.size),
  } satisfies MutationSpec<z.infer<typeof completeUploadInput>, UploadParams>,
  /** Cancel, or a failed part: the server drops the parts already stored. */
  abortUpload: {
    action: "lake.upload.abort",
    input: abortUploadInput,
    target: ({ params, input }) => `${params.bucket}/${input.key}`,
    run: ({ input, params }) => abortMultipart(bucketParam(params), input.key, params.uploadId),
  } satisfies MutationSpec<z.infer<typeof abortUploadInput>, UploadParams>,
};
