import { mutatingRoute } from "@/lib/auth/guard";
import { connectorOps } from "@/lib/connect/operations";

/** PUT — replace the config after validation; secrets sent back as the mask keep their stored value. */
export const PUT = mutatingRoute(connectorOps.update);
