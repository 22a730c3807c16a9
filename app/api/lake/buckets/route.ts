import { mutatingRoute } from "@/lib/auth/guard";
import { readRoute } from "@/lib/http/contract";
import { listBuckets } from "@/lib/s3/buckets/buckets";
import { lakeOps } from "@/lib/s3/operations";

export const dynamic = "force-dynamic";

/** Buckets with their creation date; counts and sizes are computed on demand (…/stats). */
export const GET = readRoute(async ({ req }) => ({ buckets: await listBuckets(req.signal) }));

export const POST = mutatingRoute(lakeOps.createBucket);
