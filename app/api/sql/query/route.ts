import { mutatingRoute } from "@/lib/auth/guard";
import { sqlEngine } from "@/lib/sql";
import { queryInputSchema } from "@/lib/sql/inputs";

export const dynamic = "force-dynamic";

/**
 * Runs one read-only query. A POST (the SQL is a body, not a URL) through the guard so it is origin-checked and
 * audited — who ran what, for how long — but open to viewers: nothing here writes. The request's signal is the
 * browser's: "cancel" (or closing the tab) interrupts the engine.
 */
export const POST = mutatingRoute({
  action: "sql.query",
  role: "viewer",
  input: queryInputSchema,
  maxBodyBytes: 256 * 1024,
  target: ({ input }) => input.database,
  run: async ({ input, req }) => (await sqlEngine()).query({ ...input, signal: req.signal }),
});
