import { parseInput, readRoute } from "@/lib/http/contract";
import { getTableDetail } from "@/lib/pg/catalog";
import { tableQuery } from "@/lib/pg/inputs";

export const dynamic = "force-dynamic";

/** ?schema=&table= — columns, indexes, key, replica identity. Names are parameters, never SQL. */
export const GET = readRoute<{ db: string }>(async ({ params, query }) => {
  const q = parseInput(tableQuery, query, "table");
  return getTableDetail(params.db, q.schema, q.table);
});
