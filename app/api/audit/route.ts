import { listAudit } from "@/lib/audit";
import { auditQuerySchema } from "@/lib/audit-query";
import { parseInput, readRoute } from "@/lib/http/contract";

export const dynamic = "force-dynamic";

/** GET /api/audit?action=&target=&outcome=&from=&to=&before=&limit= — newest first, keyset paging by `before`. */
export const GET = readRoute(({ query }) => listAudit(parseInput(auditQuerySchema, query, "query")));
