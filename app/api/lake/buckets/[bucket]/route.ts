import { z } from "zod";
import { mutatingRoute } from "@/lib/auth/guard";
import { deleteBucket } from "@/lib/s3/buckets";
import { bucketParam } from "@/lib/s3/inputs";

export const dynamic = "force-dynamic";

/**
 * Deletes a bucket. A non-empty one only with `withObjects: true`, sent after the person confirmed the count
 * the UI showed (`expectedObjects`, recorded in the audit log).
 */
export const DELETE = mutatingRoute<{ withObjects: boolean; expectedObjects?: number }, { bucket: string }>({
  action: "lake.bucket.delete",
  input: z.strictObject({ withObjects: z.boolean().default(false), expectedObjects: z.number().int().min(0).optional() }),
  target: ({ params }) => params.bucket,
  run: ({ input, params }) => deleteBucket(bucketParam(params), { withObjects: input.withObjects }),
});
