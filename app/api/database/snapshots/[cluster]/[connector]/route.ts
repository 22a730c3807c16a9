import { mutatingRoute } from "@/lib/auth/guard";
import { readRoute } from "@/lib/http/contract";
import { databaseOps } from "@/lib/pg/operations";
import { getSnapshotSetup, readSnapshotProgress } from "@/lib/pg/snapshots";

export const dynamic = "force-dynamic";

/** What the connector still needs for signals, and its incremental snapshots from the notification topic. */
export const GET = readRoute<{ cluster: string; connector: string }>(async ({ params }) => {
  const setup = await getSnapshotSetup(params.cluster, params.connector);
  const progress = setup.notificationsTopic ? await readSnapshotProgress(params.cluster, params.connector) : { topic: null, snapshots: [] };
  return { setup, ...progress };
});

/** POST { tables: [{ schema, table }] } — an execute-snapshot signal (incremental) for those tables. */
export const POST = mutatingRoute(databaseOps.startSnapshot);
