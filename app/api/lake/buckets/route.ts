import { z } from "zod";
import { mutatingRoute } from "@/lib/auth/guard";
import { bucketNameSchema } from "@/lib/s3/bucket-name";
import { createBucket, listBuckets } from "@/lib/s3/buckets";
import { readRoute } from "@/lib/http/contract";

export const dynamic = "force-dynamic";

/** Buckets with their creation date; counts and sizes are computed on demand (…/stats). */
export const GET = readRoute(async ({ req }) => ({ buckets: await listBuckets(req.signal) }));

export const POST = mutatingRoute({
  action: "lake.bucket.create",
  input: z.strictObject({ name: bucketNameSchema }),
  target: ({ input }) => input.name,
  successStatus: 201,
  run: ({ input }) => createBucket(input.name),
});
