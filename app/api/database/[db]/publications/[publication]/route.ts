import { mutatingRoute } from "@/lib/auth/guard";
import { databaseOps } from "@/lib/pg/operations";

export const dynamic = "force-dynamic";

export const DELETE = mutatingRoute(databaseOps.dropPublication);
