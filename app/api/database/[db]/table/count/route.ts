import { parseInput, readRoute } from "@/lib/http/contract";
import { exactRowCount } from "@/lib/pg/catalog";
import { tableQuery } from "@/lib/pg/inputs";

export const dynamic = "force-dynamic";

/** ?schema=&table= — count(*) on demand (read-only, bounded by the statement timeout). */
export const GET = readRoute<{ db: string }>(async ({ params, query }) => {
  const q = parseInput(tableQuery, query, "table");
  return exactRowCount(params.db, q.schema, q.table);
});
