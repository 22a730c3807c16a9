import { mutatingRoute } from "@/lib/auth/guard";
import { lakeOps } from "@/lib/s3/operations";

export const dynamic = "force-dynamic";

/** Deletes a bucket; a non-empty one only with `withObjects: true` after the person confirmed its count. */
export const DELETE = mutatingRoute(lakeOps.deleteBucket);
