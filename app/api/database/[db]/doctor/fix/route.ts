import { mutatingRoute } from "@/lib/auth/guard";
import { databaseOps } from "@/lib/pg/operations";

export const dynamic = "force-dynamic";

/** POST { action, rerun? } — one of the doctor's safe fixes (operator only, audited), answered with the doctor's new report. */
export const POST = mutatingRoute(databaseOps.fix);
