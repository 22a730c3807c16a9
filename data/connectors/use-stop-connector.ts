import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ActionOutcome } from "@/lib/connect/types";
import { seg, sendJson } from "./fetch";
import { invalidateConnector } from "./invalidate";

export function stopConnector(cluster: string, name: string): Promise<ActionOutcome> {
  return sendJson<ActionOutcome>("POST", `/api/connectors/${seg(cluster)}/connectors/${seg(name)}/stop`);
}

export function useStopConnectorMutation(cluster: string, name: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => stopConnector(cluster, name),
    onSettled: () => invalidateConnector(queryClient, cluster, name),
  });
}
