import { mutatingRoute } from "@/lib/auth/guard";
import { addTableToPublication, removeTableFromPublication } from "@/lib/pg/doctor/fixes";
import { tableRef } from "@/lib/pg/inputs";

export const dynamic = "force-dynamic";

type Params = { db: string; publication: string };
type Input = { schema: string; table: string };

/** POST { schema, table } — ALTER PUBLICATION … ADD TABLE … */
export const POST = mutatingRoute<Input, Params>({
  action: "database.publication.add_table",
  input: tableRef,
  target: ({ params, input }) => `${params.publication}: ${input.schema}.${input.table}`,
  run: ({ params, input }) => addTableToPublication(params.db, params.publication, input.schema, input.table),
});

/** DELETE { schema, table } — ALTER PUBLICATION … DROP TABLE … */
export const DELETE = mutatingRoute<Input, Params>({
  action: "database.publication.remove_table",
  input: tableRef,
  target: ({ params, input }) => `${params.publication}: ${input.schema}.${input.table}`,
  run: ({ params, input }) => removeTableFromPublication(params.db, params.publication, input.schema, input.table),
});
