import { z } from "zod";
import { mutatingRoute } from "@/lib/auth/guard";
import { startMultipart } from "@/lib/s3/upload";
import { bucketParam, objectKey } from "@/lib/s3/inputs";

export const dynamic = "force-dynamic";

/** Starts a multipart upload for a large file; the browser then sends its parts through the console. */
export const POST = mutatingRoute<{ key: string; contentType?: string }, { bucket: string }>({
  action: "lake.upload.start",
  input: z.strictObject({ key: objectKey, contentType: z.string().max(255).optional() }),
  target: ({ params, input }) => `${params.bucket}/${input.key}`,
  successStatus: 201,
  run: ({ input, params }) => startMultipart(bucketParam(params), input.key, input.contentType ?? null),
});
