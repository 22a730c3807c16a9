import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ActionOutcome } from "@/lib/connect/types";
import { apiSend, seg } from "../fetcher";
import { invalidateConnector } from "./invalidate";

export function restartTask(cluster: string, name: string, task: number): Promise<ActionOutcome> {
  return apiSend<ActionOutcome>("POST", `/api/connectors/${seg(cluster)}/connectors/${seg(name)}/tasks/${task}/restart`);
}

export function useRestartTaskMutation(cluster: string, name: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (task: number) => restartTask(cluster, name, task),
    onSettled: () => invalidateConnector(queryClient, cluster, name),
  });
}
