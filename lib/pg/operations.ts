// The Database area's changes as guarded operations, shared by the JSON routes (app/api/database/**) and the
// UI's server actions (app/actions/database.ts): operator only, strict input, audited (lib/auth/guard.ts).
import "server-only";
import { z } from "zod";
import type { MutationSpec } from "../auth/guard";
import { AppError } from "../errors";
import { addTableToPublication, applyFix, createPublication, dropInactiveSlot, dropPublication, removeTableFromPublication } from "./doctor/fixes";
import { runDoctor } from "./doctor/gather";
import type { FixAction } from "./doctor/shared/types";
import { createPublicationInput, fixInput, tableRef } from "./inputs";
import { prepareSnapshots, startIncrementalSnapshot } from "./snapshots";

type Db = { db: string };
type Pub = { db: string; publication: string };
type Slot = { db: string; slot: string };
type Conn = { cluster: string; connector: string };
type TableRef = z.infer<typeof tableRef>;
const snapshotInput = z.strictObject({ tables: z.array(tableRef).min(1).max(100) });

/** Adding a table to a publication or removing one: one input and audit target, a different change. */
const publicationTable = (action: string, change: typeof addTableToPublication): MutationSpec<TableRef, Pub> => ({
  action,
  input: tableRef,
  target: ({ params, input }) => `${params.publication}: ${input.schema}.${input.table}`,
  run: ({ params, input }) => change(params.db, params.publication, input.schema, input.table),
});

export const databaseOps = {
  /** One of the doctor's safe fixes, then the doctor again (its new report is the answer). */
  fix: {
    action: "database.doctor.fix",
    input: fixInput,
    target: ({ input }) => `${input.action.type}: ${JSON.stringify(input.action)}`,
    run: async ({ input, params }) => {
      const a = input.action as FixAction;
      if ("database" in a && a.database !== params.db) {
        throw new AppError(422, "invalid_input", `The fix is for database "${a.database}", not "${params.db}".`, "console", { params: { what: "fix" } });
      }
      const outcome = await applyFix(a);
      const report = await runDoctor(params.db, input.rerun ? { connector: { cluster: input.rerun.cluster, name: input.rerun.connector } } : {});
      return { outcome, report };
    },
  } satisfies MutationSpec<z.infer<typeof fixInput>, Db>,
  createPublication: {
    action: "database.publication.create",
    input: createPublicationInput,
    target: ({ input }) => input.name,
    successStatus: 201,
    run: ({ input, params }) => createPublication(params.db, input.name, input.tables),
  } satisfies MutationSpec<z.infer<typeof createPublicationInput>, Db>,
  dropPublication: {
    action: "database.publication.drop",
    target: ({ params }) => params.publication,
    run: ({ params }) => dropPublication(params.db, params.publication),
  } satisfies MutationSpec<undefined, Pub>,
  addTable: publicationTable("database.publication.add_table", addTableToPublication),
  removeTable: publicationTable("database.publication.remove_table", removeTableFromPublication),
  /** An INACTIVE slot only (an active one is a 409 and stays). */
  dropSlot: {
    action: "database.slot.drop",
    target: ({ params }) => params.slot,
    run: ({ params }) => dropInactiveSlot(params.db, params.slot),
  } satisfies MutationSpec<undefined, Slot>,
  prepareSnapshots: {
    action: "database.snapshot.prepare",
    target: ({ params }) => params.connector,
    run: ({ params }) => prepareSnapshots(params.cluster, params.connector),
  } satisfies MutationSpec<undefined, Conn>,
  startSnapshot: {
    action: "database.snapshot.start",
    input: snapshotInput,
    target: ({ params, input }) => `${params.connector}: ${input.tables.map((t) => `${t.schema}.${t.table}`).join(", ")}`,
    run: ({ params, input }) => startIncrementalSnapshot(params.cluster, params.connector, input.tables),
  } satisfies MutationSpec<z.infer<typeof snapshotInput>, Conn>,
};
