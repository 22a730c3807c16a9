import { readRoute } from "@/lib/http/contract";
import { getReplicationOverview } from "@/lib/pg/replication";

export const dynamic = "force-dynamic";

/** Settings with what is in use, publications, slots (with the connectors using them) and roles. */
export const GET = readRoute<{ db: string }>(async ({ params }) => getReplicationOverview(params.db));
