import { diagnoseConnector } from "@/lib/connect/connectors";
import { readRoute } from "@/lib/http/contract";
import { target, type ConnectorParams } from "@/lib/connect/route-params";

export const dynamic = "force-dynamic";

/** GET — runs the plugin's validation on the stored config (read-only): why a RUNNING connector is not streaming. */
export const GET = readRoute<ConnectorParams>(async ({ params }) => {
  const { cluster, name } = target(params);
  return diagnoseConnector(cluster, name);
});
