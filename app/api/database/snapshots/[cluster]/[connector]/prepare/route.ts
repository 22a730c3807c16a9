import { mutatingRoute } from "@/lib/auth/guard";
import { prepareSnapshots } from "@/lib/pg/snapshots";

export const dynamic = "force-dynamic";

/** The offered fix: signal table, its place in the publication, signal.data.collection and sink notifications. */
export const POST = mutatingRoute<undefined, { cluster: string; connector: string }>({
  action: "database.snapshot.prepare",
  target: ({ params }) => params.connector,
  run: ({ params }) => prepareSnapshots(params.cluster, params.connector),
});
