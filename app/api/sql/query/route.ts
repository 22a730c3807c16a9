import { mutatingRoute } from "@/lib/auth/guard";
import { sqlOps } from "@/lib/sql/operations";

export const dynamic = "force-dynamic";

/** One read-only query (viewers too), audited; the page calls this route, not a server action, so it can cancel. */
export const POST = mutatingRoute(sqlOps.query);
