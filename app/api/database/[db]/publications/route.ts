import { mutatingRoute } from "@/lib/auth/guard";
import { createPublication } from "@/lib/pg/doctor/fixes";
import { createPublicationInput } from "@/lib/pg/inputs";

export const dynamic = "force-dynamic";

/** POST { name, tables: [{ schema, table }] } — CREATE PUBLICATION … FOR TABLE … */
export const POST = mutatingRoute<{ name: string; tables: { schema: string; table: string }[] }, { db: string }>({
  action: "database.publication.create",
  input: createPublicationInput,
  target: ({ input }) => input.name,
  successStatus: 201,
  run: ({ input, params }) => createPublication(params.db, input.name, input.tables),
});
