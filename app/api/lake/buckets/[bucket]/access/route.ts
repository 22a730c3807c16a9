import { mutatingRoute } from "@/lib/auth/guard";
import { readRoute } from "@/lib/http/contract";
import { bucketParam } from "@/lib/s3/inputs";
import { lakeOps } from "@/lib/s3/operations";
import { getBucketAccess } from "@/lib/s3/buckets/policy";

export const dynamic = "force-dynamic";

/** public | private | custom | unsupported (the S3 server has no bucket policies). */
export const GET = readRoute<{ bucket: string }>(async ({ req, params }) => getBucketAccess(bucketParam(params), req.signal));

export const PUT = mutatingRoute(lakeOps.setAccess);
