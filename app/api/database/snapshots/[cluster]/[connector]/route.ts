import { z } from "zod";
import { mutatingRoute } from "@/lib/auth/guard";
import { readRoute } from "@/lib/http/contract";
import { tableRef } from "@/lib/pg/inputs";
import { getSnapshotSetup, readSnapshotProgress, startIncrementalSnapshot } from "@/lib/pg/snapshots";

export const dynamic = "force-dynamic";

type Params = { cluster: string; connector: string };

/** What the connector still needs for signals, and its incremental snapshots from the notification topic. */
export const GET = readRoute<Params>(async ({ params }) => {
  const setup = await getSnapshotSetup(params.cluster, params.connector);
  const progress = setup.notificationsTopic ? await readSnapshotProgress(params.cluster, params.connector) : { topic: null, snapshots: [] };
  return { setup, ...progress };
});

/** POST { tables: [{ schema, table }] } — an execute-snapshot signal (incremental) for those tables. */
export const POST = mutatingRoute<{ tables: { schema: string; table: string }[] }, Params>({
  action: "database.snapshot.start",
  input: z.strictObject({ tables: z.array(tableRef).min(1).max(100) }),
  target: ({ params, input }) => `${params.connector}: ${input.tables.map((t) => `${t.schema}.${t.table}`).join(", ")}`,
  run: ({ params, input }) => startIncrementalSnapshot(params.cluster, params.connector, input.tables),
});
