import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useAreaMutation } from "../health/use-clear-on-recovery";
import type { ReplicationOverview } from "@/lib/pg/shared/types";
import { addPublicationTableAction, createPublicationAction, dropPublicationAction, dropSlotAction, removePublicationTableAction } from "@/app/actions/database";
import { actionData, apiGet } from "../fetcher";
import { databaseKeys } from "./keys";
import { databaseApi } from "./paths";
import { type HookMutationOptions, type HookQueryOptions, withMutationOptions, withQueryOptions } from "../hook-options";

export function getReplication(db: string, signal?: AbortSignal) {
  return apiGet<ReplicationOverview>(databaseApi.replication(db), signal);
}

export function useReplicationQuery(db: string, options: HookQueryOptions<ReplicationOverview> = {}) {
  return useQuery(withQueryOptions({ queryKey: databaseKeys.replication(db), queryFn: ({ signal }) => getReplication(db, signal) }, options));
}

export type PublicationChange =
  | { kind: "create"; name: string; tables: { schema: string; table: string }[] }
  | { kind: "add"; name: string; schema: string; table: string }
  | { kind: "remove"; name: string; schema: string; table: string }
  | { kind: "drop"; name: string }
  | { kind: "drop_slot"; slot: string };

function send(db: string, c: PublicationChange) {
  switch (c.kind) {
    case "create":
      return actionData(createPublicationAction(db, { name: c.name, tables: c.tables }));
    case "add":
      return actionData(addPublicationTableAction(db, c.name, { schema: c.schema, table: c.table }));
    case "remove":
      return actionData(removePublicationTableAction(db, c.name, { schema: c.schema, table: c.table }));
    case "drop":
      return actionData(dropPublicationAction(db, c.name));
    case "drop_slot":
      return actionData(dropSlotAction(db, c.slot));
  }
}

/** Publication and slot changes of the Replication tab; refreshes the whole database (catalog, doctor) after. */
export function useReplicationChangeMutation(db: string, options: HookMutationOptions<unknown, PublicationChange> = {}) {
  const queryClient = useQueryClient();
  return useAreaMutation("database", withMutationOptions({
    mutationFn: (c: PublicationChange) => send(db, c),
    onSettled: () => queryClient.invalidateQueries({ queryKey: databaseKeys.db(db) }),
  }, options));
}
