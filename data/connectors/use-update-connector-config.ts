import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ConfigChange } from "@/lib/connect/draft";
import type { ActionOutcome } from "@/lib/connect/types";
import { apiSend, seg } from "../fetcher";
import { invalidateConnector } from "./invalidate";

export function updateConnectorConfig(cluster: string, name: string, config: Record<string, string>): Promise<ActionOutcome & { changes: ConfigChange[] }> {
  return apiSend("PUT", `/api/connectors/${seg(cluster)}/connectors/${seg(name)}/config`, { config });
}

export function useUpdateConnectorConfigMutation(cluster: string, name: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (config: Record<string, string>) => updateConnectorConfig(cluster, name, config),
    onSuccess: () => invalidateConnector(queryClient, cluster, name),
  });
}
