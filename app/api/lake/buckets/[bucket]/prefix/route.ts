import { mutatingRoute } from "@/lib/auth/guard";
import { lakeOps } from "@/lib/s3/operations";

export const dynamic = "force-dynamic";

/** Deletes every object under a folder, 1,000 keys per DeleteObjects call. */
export const DELETE = mutatingRoute(lakeOps.deletePrefix);
