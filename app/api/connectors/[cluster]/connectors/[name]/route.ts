import { mutatingRoute } from "@/lib/auth/guard";
import { getConnectorDetail } from "@/lib/connect/connectors";
import { connectorOps } from "@/lib/connect/operations";
import { target, type ConnectorParams } from "@/lib/connect/route-params";
import { readRoute } from "@/lib/http/contract";

export const dynamic = "force-dynamic";

/** GET — config (masked), status, task traces (redacted), active topics, Debezium slot and publication. */
export const GET = readRoute<ConnectorParams>(async ({ params }) => {
  const { cluster, name } = target(params);
  return getConnectorDetail(cluster, name);
});

/** DELETE — only when the body's `confirm` repeats the connector's name. */
export const DELETE = mutatingRoute(connectorOps.delete);
