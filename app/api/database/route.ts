import { readRoute } from "@/lib/http/contract";
import { databases } from "@/lib/pg/session";

export const dynamic = "force-dynamic";

/** The databases the console inspects (the lab's OLTP and DW). */
export const GET = readRoute(async () => ({ databases: databases() }));
