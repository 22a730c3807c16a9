import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ActionOutcome } from "@/lib/connect/types";
import { seg, sendJson } from "./fetch";
import { invalidateConnector } from "./invalidate";

export function resetOffsets(cluster: string, name: string): Promise<ActionOutcome> {
  return sendJson<ActionOutcome>("DELETE", `/api/connectors/${seg(cluster)}/connectors/${seg(name)}/offsets`);
}

export function useResetOffsetsMutation(cluster: string, name: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => resetOffsets(cluster, name),
    onSettled: () => invalidateConnector(queryClient, cluster, name),
  });
}
