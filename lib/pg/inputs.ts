// The Database area's input schemas, shared by its route handlers (strict: an unknown key is a 422 naming it).
// Pure zod; a form that needs one moves it to lib/pg/shared/.
import "server-only";
import { z } from "zod";

/** A PostgreSQL identifier as the UI sends it: any characters (they are quoted, never parsed), at most 63. */
export const identifier = z.string().min(1).max(63);
export const tableRef = z.strictObject({ schema: identifier, table: identifier });

export const tableQuery = tableRef;
export const rowsQuery = z.strictObject({ schema: identifier, table: identifier, offset: z.coerce.number().int().min(0).max(10_000_000).default(0) });
export const doctorQuery = z.strictObject({ cluster: z.string().min(1).max(100).optional(), connector: z.string().min(1).max(249).optional() });

export const createPublicationInput = z.strictObject({ name: identifier, tables: z.array(tableRef).min(1).max(1000) });

const db = z.string().min(1).max(32);
const connectorRef = { cluster: z.string().min(1).max(100), connector: z.string().min(1).max(249) };
/** One of the doctor's fixes, as the report offered it (the server re-checks everything before applying). */
export const fixInput = z.strictObject({
  action: z.discriminatedUnion("type", [
    z.strictObject({ type: z.literal("create_publication"), database: db, publication: identifier, tables: z.array(tableRef).min(1).max(1000) }),
    z.strictObject({ type: z.literal("add_table_to_publication"), database: db, publication: identifier, schema: identifier, table: identifier }),
    z.strictObject({ type: z.literal("replica_identity_full"), database: db, schema: identifier, table: identifier }),
    z.strictObject({ type: z.literal("grant_select"), database: db, role: identifier, schema: identifier, table: identifier }),
    z.strictObject({ type: z.literal("drop_slot"), database: db, slot: identifier }),
    z.strictObject({ type: z.literal("add_heartbeat"), ...connectorRef }),
    z.strictObject({ type: z.literal("set_plugin_pgoutput"), ...connectorRef }),
  ]),
  /** Re-run the doctor for this connector after the fix (the page's current view). */
  rerun: z.strictObject({ cluster: z.string().min(1).max(100), connector: z.string().min(1).max(249) }).optional(),
});
