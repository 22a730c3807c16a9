import { z } from "zod";
import { mutatingRoute } from "@/lib/auth/guard";
import { getBucketAccess, setPublicRead } from "@/lib/s3/policy";
import { readRoute } from "@/lib/http/contract";
import { bucketParam } from "@/lib/s3/inputs";

export const dynamic = "force-dynamic";

/** public | private | custom | unsupported (the S3 server has no bucket policies). */
export const GET = readRoute<{ bucket: string }>(async ({ req, params, query }) => getBucketAccess(bucketParam(params), req.signal));

export const PUT = mutatingRoute<{ publicRead: boolean }, { bucket: string }>({
  action: "lake.bucket.access",
  input: z.strictObject({ publicRead: z.boolean() }),
  target: ({ params }) => params.bucket,
  run: ({ input, params }) => setPublicRead(bucketParam(params), input.publicRead),
});
