// The SQL area's guarded operations, shared by the JSON routes and the UI's server actions. Running a query is a
// POST through the guard (origin check, audit) open to viewers — it reads only; saving to the lake is the operator's.
import "server-only";
import { z } from "zod";
import type { MutationSpec } from "../auth/guard";
import { sqlEngine } from "./index";
import { queryInputSchema, saveParquetSchema, savedQueryInputSchema, type SavedQueryInput } from "./shared/inputs";
import { createSaved, deleteSaved, updateSaved } from "./saved";

type QueryInput = z.infer<typeof queryInputSchema>;
type SaveInput = z.infer<typeof saveParquetSchema>;
type IdParams = { id: string };

const MAX_BODY = 256 * 1024;

/** Running a query and exporting its result: open to viewers, the query as the body, audited by its database. */
const queryBody = { role: "viewer", input: queryInputSchema, maxBodyBytes: MAX_BODY, target: ({ input }: { input: QueryInput }) => input.database } as const;
/** Each user's own saved queries: open to viewers, a saved query as the body. */
const savedBody = { role: "viewer", input: savedQueryInputSchema, maxBodyBytes: MAX_BODY } as const;

export const sqlOps = {
  /** The request's signal is the browser's: cancelling (or closing the tab) interrupts the engine. */
  query: {
    action: "sql.query",
    ...queryBody,
    run: async ({ input, req }) => (await sqlEngine()).query({ ...input, signal: req?.signal }),
  } satisfies MutationSpec<QueryInput, Record<string, string>>,

  /** The whole result as a Parquet download (CSV and JSON Lines are made in the browser from the rows shown). */
  exportParquet: {
    action: "sql.export",
    ...queryBody,
    run: async ({ input, req }) => {
      const bytes = await (await sqlEngine()).exportParquet({ ...input, signal: req?.signal });
      return new Response(new Uint8Array(bytes), {
        headers: { "Content-Type": "application/vnd.apache.parquet", "Content-Disposition": 'attachment; filename="result.parquet"', "Cache-Control": "no-store" },
      });
    },
  } satisfies MutationSpec<QueryInput, Record<string, string>>,

  /** The next layer (raw → trusted → refined): the whole result as one Parquet object. Operator only. */
  saveParquet: {
    action: "sql.save_parquet",
    input: saveParquetSchema,
    maxBodyBytes: MAX_BODY,
    target: ({ input }) => `${input.bucket}/${input.key}`,
    successStatus: 201,
    run: async ({ input, req }) => (await sqlEngine()).saveParquet({ ...input, signal: req?.signal }),
  } satisfies MutationSpec<SaveInput, Record<string, string>>,

  createSaved: {
    action: "sql.saved.create",
    ...savedBody,
    target: ({ input }) => input.title,
    successStatus: 201,
    run: ({ input, principal }) => createSaved(principal.user, input),
  } satisfies MutationSpec<SavedQueryInput, Record<string, string>>,

  /** Each user changes only their own (another user's id answers 404). */
  updateSaved: {
    action: "sql.saved.update",
    ...savedBody,
    target: ({ params }) => params.id,
    run: ({ input, params, principal }) => updateSaved(principal.user, params.id, input),
  } satisfies MutationSpec<SavedQueryInput, IdParams>,

  deleteSaved: {
    action: "sql.saved.delete",
    role: "viewer",
    target: ({ params }) => params.id,
    run: async ({ params, principal }) => {
      await deleteSaved(principal.user, params.id);
      return { deleted: params.id };
    },
  } satisfies MutationSpec<undefined, IdParams>,
};
