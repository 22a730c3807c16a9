import { readRoute } from "@/lib/http/contract";
import { templateViews } from "@/lib/connect/templates/templates";

export const dynamic = "force-dynamic";

/** GET /api/connectors/templates — the lab's Debezium source and S3 sink, secrets masked. */
export const GET = readRoute(async () => templateViews());
