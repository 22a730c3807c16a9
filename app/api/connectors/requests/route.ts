import { connectRequestsTotal } from "@/lib/connect/client";
import { readRoute } from "@/lib/connect/route-helpers";

export const dynamic = "force-dynamic";

/** GET /api/connectors/requests — Connect requests this server has made since it started (for bench/connectors). */
export async function GET() {
  return readRoute(async () => ({ total: connectRequestsTotal() }));
}
