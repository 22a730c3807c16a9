import { mutatingRoute } from "@/lib/auth/guard";
import { connectorOps } from "@/lib/connect/operations";

/** POST — PUT /connectors/{name}/resume on the cluster, then the state it reports. */
export const POST = mutatingRoute(connectorOps.resume);
