import { mutatingRoute } from "@/lib/auth/guard";
import { sqlEngine } from "@/lib/sql";
import { queryInputSchema } from "@/lib/sql/inputs";

export const dynamic = "force-dynamic";

/** The whole result as a Parquet download (CSV and JSON Lines are made in the browser from the rows shown). */
export const POST = mutatingRoute({
  action: "sql.export",
  role: "viewer",
  input: queryInputSchema,
  maxBodyBytes: 256 * 1024,
  target: ({ input }) => input.database,
  run: async ({ input, req }) => {
    const bytes = await (await sqlEngine()).exportParquet({ ...input, signal: req.signal });
    return new Response(new Uint8Array(bytes), {
      headers: { "Content-Type": "application/vnd.apache.parquet", "Content-Disposition": 'attachment; filename="result.parquet"', "Cache-Control": "no-store" },
    });
  },
});
