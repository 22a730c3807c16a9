import { useMutation, useQueryClient, type UseMutationOptions } from "@tanstack/react-query";
import type { ActionOutcome } from "@/lib/connect/types";
import { apiSend, seg } from "../fetcher";
import { invalidateConnector } from "./invalidate";

/** What Connect's lifecycle endpoints do to one connector (lib/connect/connectors.ts changeConnectorState). */
export type LifecycleAction = "pause" | "resume" | "stop" | "restart" | "reset-offsets";

export interface RestartOptions {
  includeTasks: boolean;
  onlyFailed: boolean;
}

export function connectorAction(cluster: string, name: string, action: LifecycleAction, restart?: RestartOptions): Promise<ActionOutcome> {
  const base = `/api/connectors/${seg(cluster)}/connectors/${seg(name)}`;
  if (action === "reset-offsets") return apiSend<ActionOutcome>("DELETE", `${base}/offsets`);
  return apiSend<ActionOutcome>("POST", `${base}/${action}`, action === "restart" ? restart : undefined);
}

type Options = Omit<UseMutationOptions<ActionOutcome, Error, RestartOptions | void>, "mutationFn">;

/** One mutation for every lifecycle action; the list and the connector are re-read from the cluster afterwards. */
export function useConnectorLifecycleMutation(cluster: string, name: string, action: LifecycleAction, options: Options = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    ...options,
    mutationFn: (restart) => connectorAction(cluster, name, action, restart ?? undefined),
    onSettled: async (...args) => {
      await invalidateConnector(queryClient, cluster, name);
      await options.onSettled?.(...args);
    },
  });
}
