import { mutatingRoute } from "@/lib/auth/guard";
import { lakeOps } from "@/lib/s3/operations";

export const dynamic = "force-dynamic";

/** Starts a multipart upload for a large file; the browser then sends its parts through the console. */
export const POST = mutatingRoute(lakeOps.startUpload);
