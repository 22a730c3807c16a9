import "server-only";
// The column types of the captured tables of schema-less events, read from the lab's PostgreSQL (the database
// Debezium captures): the lake preview then shows a DATE as a date, as the live tail does. A table that cannot
// be read (dropped, another database) is left out: its events keep their raw values and say so.
import { config } from "../../config";
import { inferTable, type InferredTable } from "../../debezium/shared/infer";
import { tableColumns } from "../../pg/columns";
import { pool } from "../../pg/client";
import type { LakeChangeEvent } from "../shared/lake-types";
import { tablesWithoutSchema } from "./debezium";

export async function inferredTablesFor(events: Array<LakeChangeEvent | null>): Promise<Map<string, InferredTable>> {
  const out = new Map<string, InferredTable>();
  const oltp = config().postgres.oltpDatabase;
  for (const t of tablesWithoutSchema(events)) {
    if (t.db !== null && t.db !== oltp) continue;
    const columns = await tableColumns(pool("oltp"), t.schema, t.table).catch(() => []);
    if (columns.length) out.set(`${t.schema}.${t.table}`, inferTable(columns));
  }
  return out;
}
