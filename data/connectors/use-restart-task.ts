import { useQueryClient } from "@tanstack/react-query";
import { useAreaMutation } from "../health/use-clear-on-recovery";
import type { ActionOutcome } from "@/lib/connect/shared/types";
import { restartTaskAction } from "@/app/actions/connectors";
import { actionData } from "../fetcher";
import { invalidateConnector } from "./invalidate";
import { type HookMutationOptions, withMutationOptions } from "../hook-options";

export function restartTask(cluster: string, name: string, task: number): Promise<ActionOutcome> {
  return actionData<ActionOutcome>(restartTaskAction({ cluster, name }, task));
}

export function useRestartTaskMutation(cluster: string, name: string, options: HookMutationOptions<ActionOutcome, number> = {}) {
  const queryClient = useQueryClient();
  return useAreaMutation("connect", withMutationOptions({
    mutationFn: (task: number) => restartTask(cluster, name, task),
    onSettled: () => invalidateConnector(queryClient, cluster, name),
  }, options));
}
