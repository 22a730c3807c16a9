import { useQueryClient } from "@tanstack/react-query";
import { useAreaMutation } from "../health/use-clear-on-recovery";
import { deleteConnectorAction } from "@/app/actions/connectors";
import { actionData } from "../fetcher";
import { connectKeys } from "./keys";
import { type HookMutationOptions, withMutationOptions } from "../hook-options";

export function deleteConnector(cluster: string, name: string, confirm: string): Promise<{ name: string; deleted: true }> {
  return actionData(deleteConnectorAction({ cluster, name }, confirm));
}

/** Deletes after the person typed the name; the deleted connector's queries are dropped, the list refetched. */
export function useDeleteConnectorMutation(cluster: string, name: string, options: HookMutationOptions<{ name: string; deleted: true }, string> = {}) {
  const queryClient = useQueryClient();
  return useAreaMutation("connect", withMutationOptions({
    mutationFn: (confirm: string) => deleteConnector(cluster, name, confirm),
    onSuccess: async () => {
      queryClient.removeQueries({ queryKey: connectKeys.connector(cluster, name) });
      await queryClient.invalidateQueries({ queryKey: connectKeys.list() });
    },
  }, options));
}
