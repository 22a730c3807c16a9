import { mutatingRoute } from "@/lib/auth/guard";
import { sqlOps } from "@/lib/sql/operations";

export const dynamic = "force-dynamic";

export const PUT = mutatingRoute(sqlOps.updateSaved);
export const DELETE = mutatingRoute(sqlOps.deleteSaved);
