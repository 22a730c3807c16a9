import { mutatingRoute } from "@/lib/auth/guard";
import { generatorOps } from "@/lib/generators/operations";

/** Stops a running generator once its batches in flight commit; 409 when it is not running. */
export const POST = mutatingRoute(generatorOps.stop);
