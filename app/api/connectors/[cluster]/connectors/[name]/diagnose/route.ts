import { diagnoseConnector } from "@/lib/connect/connectors";
import { readRoute, target, type ConnectorParams } from "@/lib/connect/route-helpers";

export const dynamic = "force-dynamic";

/** GET — runs the plugin's validation on the stored config (read-only): why a RUNNING connector is not streaming. */
export async function GET(_req: Request, ctx: { params: Promise<ConnectorParams> }) {
  return readRoute(async () => {
    const { cluster, name } = target(await ctx.params);
    return diagnoseConnector(cluster, name);
  });
}
