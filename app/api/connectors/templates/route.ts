import { readRoute } from "@/lib/connect/route-helpers";
import { templateViews } from "@/lib/connect/templates";

export const dynamic = "force-dynamic";

/** GET /api/connectors/templates — the lab's Debezium source and S3 sink, secrets masked. */
export async function GET() {
  return readRoute(async () => templateViews());
}
