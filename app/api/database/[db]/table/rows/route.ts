import { parseInput, readRoute } from "@/lib/http/contract";
import { previewRows } from "@/lib/pg/catalog";
import { rowsQuery } from "@/lib/pg/inputs";

export const dynamic = "force-dynamic";

/** ?schema=&table=&offset= — 50 rows, read-only, in key order. */
export const GET = readRoute<{ db: string }>(async ({ params, query }) => {
  const q = parseInput(rowsQuery, query, "rows query");
  return previewRows(params.db, q.schema, q.table, { offset: q.offset });
});
