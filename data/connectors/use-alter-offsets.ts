import { useQueryClient } from "@tanstack/react-query";
import { useAreaMutation } from "../health/use-clear-on-recovery";
import type { ActionOutcome, OffsetEntry } from "@/lib/connect/shared/types";
import { alterOffsetsAction } from "@/app/actions/connectors";
import { actionData } from "../fetcher";
import { invalidateConnector } from "./invalidate";
import { type HookMutationOptions, withMutationOptions } from "../hook-options";

export function alterOffsets(cluster: string, name: string, offsets: OffsetEntry[]): Promise<ActionOutcome> {
  return actionData<ActionOutcome>(alterOffsetsAction({ cluster, name }, offsets));
}

export function useAlterOffsetsMutation(cluster: string, name: string, options: HookMutationOptions<ActionOutcome, OffsetEntry[]> = {}) {
  const queryClient = useQueryClient();
  return useAreaMutation("connect", withMutationOptions({
    mutationFn: (offsets: OffsetEntry[]) => alterOffsets(cluster, name, offsets),
    onSettled: () => invalidateConnector(queryClient, cluster, name),
  }, options));
}
