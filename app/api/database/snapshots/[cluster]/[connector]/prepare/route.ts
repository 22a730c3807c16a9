import { mutatingRoute } from "@/lib/auth/guard";
import { databaseOps } from "@/lib/pg/operations";

export const dynamic = "force-dynamic";

/** The offered fix: signal table, its place in the publication, signal.data.collection and sink notifications. */
export const POST = mutatingRoute(databaseOps.prepareSnapshots);
