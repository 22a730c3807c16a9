import { mutatingRoute } from "@/lib/auth/guard";
import { getConnectorOffsets } from "@/lib/connect/connectors";
import { connectorOps } from "@/lib/connect/operations";
import { target, type ConnectorParams } from "@/lib/connect/route-params";
import { readRoute } from "@/lib/http/contract";

export const dynamic = "force-dynamic";

/** GET — the connector's offsets (KIP-875) and its state. */
export const GET = readRoute<ConnectorParams>(async ({ params }) => {
  const { cluster, name } = target(params);
  return getConnectorOffsets(cluster, name);
});

/** PATCH — alter offsets; the connector must be STOPPED (409 otherwise, nothing changed). */
export const PATCH = mutatingRoute(connectorOps.alterOffsets);

/** DELETE — reset offsets; the connector must be STOPPED. A sink then rewrites from the start of its topics. */
export const DELETE = mutatingRoute(connectorOps.resetOffsets);
