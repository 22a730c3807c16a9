import { readRoute } from "@/lib/http/contract";
import { getTrace } from "@/lib/pipeline/trace/store";

export const dynamic = "force-dynamic";

/** GET /api/pipeline/traces/:id — one trace with its hops, latencies and where it stopped. For everyone. */
export const GET = readRoute<{ id: string }>(({ params }) => getTrace(params.id));
