import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useAreaMutation } from "../health/use-clear-on-recovery";
import type { SnapshotProgress } from "@/lib/pg/shared/snapshot-progress";
import type { SnapshotSetup } from "@/lib/pg/shared/types";
import { prepareSnapshotsAction, startSnapshotAction } from "@/app/actions/database";
import { actionData, apiGet, seg } from "../fetcher";
import { databaseKeys, type DoctorScope } from "./keys";
import { type HookMutationOptions, type HookQueryOptions, withMutationOptions, withQueryOptions } from "../hook-options";

export interface SnapshotsView {
  setup: SnapshotSetup;
  topic: string | null;
  snapshots: SnapshotProgress[];
}

const url = (s: DoctorScope) => `/api/database/snapshots/${seg(s.cluster)}/${seg(s.connector)}`;

export function getSnapshots(scope: DoctorScope, signal?: AbortSignal) {
  return apiGet<SnapshotsView>(url(scope), signal);
}

const running = (v: SnapshotsView | undefined) => Boolean(v?.snapshots.some((s) => s.state !== "COMPLETED" && s.state !== "ABORTED"));

/**
 * Polls every 2 s while a snapshot runs, or while the signal just sent (`awaiting`) has no notification yet, so
 * its progress moves on screen; otherwise only when asked.
 */
export function useSnapshotsQuery(scope: DoctorScope, awaiting: string | null = null, options: HookQueryOptions<SnapshotsView> = {}) {
  return useQuery(withQueryOptions({
    queryKey: [...databaseKeys.all, "snapshots", scope.cluster, scope.connector],
    queryFn: ({ signal }) => getSnapshots(scope, signal),
    refetchInterval: (q) => (running(q.state.data) || (awaiting !== null && !q.state.data?.snapshots.some((s) => s.id === awaiting)) ? 2000 : false),
  }, options));
}

export interface SnapshotMutationsOptions {
  prepare?: HookMutationOptions<{ applied: string[] }, void>;
  start?: HookMutationOptions<{ signalId: string; tables: string[] }, { schema: string; table: string }[]>;
}

export function useSnapshotMutations(scope: DoctorScope, options: SnapshotMutationsOptions = {}) {
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: [...databaseKeys.all, "snapshots", scope.cluster, scope.connector] });
  return {
    prepare: useAreaMutation("database", withMutationOptions({ mutationFn: () => actionData<{ applied: string[] }>(prepareSnapshotsAction(scope.cluster, scope.connector)), onSettled: refresh }, options.prepare)),
    start: useAreaMutation("database", withMutationOptions({ mutationFn: (tables: { schema: string; table: string }[]) => actionData<{ signalId: string; tables: string[] }>(startSnapshotAction(scope.cluster, scope.connector, { tables })), onSettled: refresh }, options.start)),
  };
}
