import { mutatingRoute } from "@/lib/auth/guard";
import { databaseOps } from "@/lib/pg/operations";

export const dynamic = "force-dynamic";

/** Drops an INACTIVE replication slot (an active one is a 409 and stays). */
export const DELETE = mutatingRoute(databaseOps.dropSlot);
