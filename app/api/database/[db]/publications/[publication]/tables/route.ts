import { mutatingRoute } from "@/lib/auth/guard";
import { databaseOps } from "@/lib/pg/operations";

export const dynamic = "force-dynamic";

/** POST { schema, table } — ALTER PUBLICATION … ADD TABLE … */
export const POST = mutatingRoute(databaseOps.addTable);

/** DELETE { schema, table } — ALTER PUBLICATION … DROP TABLE … */
export const DELETE = mutatingRoute(databaseOps.removeTable);
