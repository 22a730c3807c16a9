import { mutatingRoute } from "@/lib/auth/guard";
import { connectorOps } from "@/lib/connect/operations";

/** POST — restart the connector; with includeTasks its tasks too; with onlyFailed only the FAILED ones. */
export const POST = mutatingRoute(connectorOps.restart);
