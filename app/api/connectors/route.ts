import { countConnectRequests } from "@/lib/connect/client";
import { listAllConnectors } from "@/lib/connect/connectors";
import { readRoute } from "@/lib/connect/route-helpers";

export const dynamic = "force-dynamic";

/**
 * GET /api/connectors — every configured Connect cluster's connectors with status and config (masked), from
 * ONE `GET /connectors?expand=status&expand=info` per cluster. X-Connect-Requests says how many requests this
 * answer cost; Server-Timing how long it took.
 */
export async function GET() {
  const started = performance.now();
  let requests = 0;
  return readRoute(
    async () => {
      const counted = await countConnectRequests(listAllConnectors);
      requests = counted.requests;
      return counted.result;
    },
    () => ({ "X-Connect-Requests": String(requests), "Server-Timing": `total;dur=${(performance.now() - started).toFixed(1)}` }),
  );
}
