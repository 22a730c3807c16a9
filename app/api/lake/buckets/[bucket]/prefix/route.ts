import { z } from "zod";
import { mutatingRoute } from "@/lib/auth/guard";
import { deletePrefix } from "@/lib/s3/objects";
import { bucketParam } from "@/lib/s3/inputs";

export const dynamic = "force-dynamic";

/**
 * Deletes every object under a folder: pages through it 1,000 keys at a time and deletes each page with one
 * DeleteObjects call. `expectedObjects` is the count the person confirmed (kept in the audit log).
 */
export const DELETE = mutatingRoute<{ prefix: string; expectedObjects: number }, { bucket: string }>({
  action: "lake.prefix.delete",
  input: z.strictObject({
    prefix: z.string().min(1, "To empty a whole bucket, delete the bucket with its objects.").max(1024).refine((p) => p.endsWith("/"), "A folder prefix ends with /."),
    expectedObjects: z.number().int().min(0),
  }),
  target: ({ params, input }) => `${params.bucket}/${input.prefix}`,
  run: ({ input, params }) => deletePrefix(bucketParam(params), input.prefix),
});
