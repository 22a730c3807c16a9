import { mutatingRoute } from "@/lib/auth/guard";
import { lakeOps } from "@/lib/s3/operations";

export const dynamic = "force-dynamic";

/** Completes a multipart upload once every part is in. */
export const POST = mutatingRoute(lakeOps.completeUpload);

/** Aborts an upload (cancel, or a failed part): the server drops the parts already stored. */
export const DELETE = mutatingRoute(lakeOps.abortUpload);
