import { mutatingRoute } from "@/lib/auth/guard";
import { connectorOps } from "@/lib/connect/operations";

/** POST — restart one task. */
export const POST = mutatingRoute(connectorOps.restartTask);
