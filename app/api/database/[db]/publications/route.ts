import { mutatingRoute } from "@/lib/auth/guard";
import { databaseOps } from "@/lib/pg/operations";

export const dynamic = "force-dynamic";

/** POST { name, tables: [{ schema, table }] } — CREATE PUBLICATION … FOR TABLE … */
export const POST = mutatingRoute(databaseOps.createPublication);
