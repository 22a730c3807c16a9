import { mutatingRoute } from "@/lib/auth/guard";
import { connectorOps } from "@/lib/connect/operations";

/** POST /api/connectors/{cluster}/validate — Connect's own per-field validation of a draft; creates nothing. */
export const POST = mutatingRoute(connectorOps.validate);
