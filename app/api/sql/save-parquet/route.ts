import { mutatingRoute } from "@/lib/auth/guard";
import { sqlOps } from "@/lib/sql/operations";

export const dynamic = "force-dynamic";

export const POST = mutatingRoute(sqlOps.saveParquet);
