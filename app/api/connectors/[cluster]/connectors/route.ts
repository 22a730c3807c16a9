import { mutatingRoute } from "@/lib/auth/guard";
import { connectorOps } from "@/lib/connect/operations";

/** POST /api/connectors/{cluster}/connectors — validate, then create only if Connect accepts the config. */
export const POST = mutatingRoute(connectorOps.create);
