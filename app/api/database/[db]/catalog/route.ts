import { okResponse, readRoute } from "@/lib/http/contract";
import { getCatalog } from "@/lib/pg/catalog";

export const dynamic = "force-dynamic";

/** Schemas and tables (estimate, size, key, replica identity, publications); Server-Timing says how long it took. */
export const GET = readRoute<{ db: string }>(async ({ params }) => {
  const started = performance.now();
  const catalog = await getCatalog(params.db);
  return okResponse(catalog, { headers: { "Server-Timing": `total;dur=${(performance.now() - started).toFixed(1)}` } });
});
