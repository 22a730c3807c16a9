import { useQueryClient } from "@tanstack/react-query";
import { useAreaMutation } from "../health/use-clear-on-recovery";
import type { ConfigChange } from "@/lib/connect/shared/draft";
import type { ActionOutcome } from "@/lib/connect/shared/types";
import { updateConnectorConfigAction } from "@/app/actions/connectors";
import { actionData } from "../fetcher";
import { invalidateConnector } from "./invalidate";
import { type HookMutationOptions, withMutationOptions } from "../hook-options";

export function updateConnectorConfig(cluster: string, name: string, config: Record<string, string>): Promise<ActionOutcome & { changes: ConfigChange[] }> {
  return actionData(updateConnectorConfigAction({ cluster, name }, config));
}

export function useUpdateConnectorConfigMutation(cluster: string, name: string, options: HookMutationOptions<ActionOutcome & { changes: ConfigChange[] }, Record<string, string>> = {}) {
  const queryClient = useQueryClient();
  return useAreaMutation("connect", withMutationOptions({
    mutationFn: (config: Record<string, string>) => updateConnectorConfig(cluster, name, config),
    onSuccess: () => invalidateConnector(queryClient, cluster, name),
  }, options));
}
