import { listInstalledPlugins } from "@/lib/connect/connectors";
import { readRoute, target } from "@/lib/connect/route-helpers";

export const dynamic = "force-dynamic";

/** GET /api/connectors/{cluster}/plugins — connector plugins installed on the cluster. */
export async function GET(_req: Request, ctx: { params: Promise<{ cluster: string }> }) {
  return readRoute(async () => listInstalledPlugins(target(await ctx.params).cluster));
}
