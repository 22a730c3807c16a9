import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ActionOutcome } from "@/lib/connect/types";
import { seg, sendJson } from "./fetch";
import { invalidateConnector } from "./invalidate";

export interface RestartOptions {
  includeTasks: boolean;
  onlyFailed: boolean;
}

export function restartConnector(cluster: string, name: string, opts: RestartOptions): Promise<ActionOutcome> {
  return sendJson<ActionOutcome>("POST", `/api/connectors/${seg(cluster)}/connectors/${seg(name)}/restart`, opts);
}

export function useRestartConnectorMutation(cluster: string, name: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (opts: RestartOptions) => restartConnector(cluster, name, opts),
    onSettled: () => invalidateConnector(queryClient, cluster, name),
  });
}
