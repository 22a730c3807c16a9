import { countConnectRequests } from "@/lib/connect/client";
import { listAllConnectors } from "@/lib/connect/connectors";
import { okResponse, readRoute } from "@/lib/http/contract";

export const dynamic = "force-dynamic";

/**
 * GET /api/connectors — every configured Connect cluster's connectors with status and config (masked), from
 * two requests per cluster (`?expand=info` and `?expand=status`, see listConnectorsExpanded). X-Connect-Requests says how many requests this
 * answer cost; Server-Timing how long it took.
 */
export const GET = readRoute(async () => {
  const started = performance.now();
  const { result, requests } = await countConnectRequests(listAllConnectors);
  return okResponse(result, { headers: { "X-Connect-Requests": String(requests), "Server-Timing": `total;dur=${(performance.now() - started).toFixed(1)}` } });
});
