import { useQueryClient } from "@tanstack/react-query";
import { useAreaMutation } from "../health/use-clear-on-recovery";
import type { ActionOutcome, ConnectorDraft } from "@/lib/connect/shared/types";
import { registerConnectorAction } from "@/app/actions/connectors";
import { actionData } from "../fetcher";
import { invalidateConnector } from "./invalidate";
import { type HookMutationOptions, withMutationOptions } from "../hook-options";

export function registerConnector(cluster: string, draft: ConnectorDraft): Promise<ActionOutcome> {
  return actionData<ActionOutcome>(registerConnectorAction(cluster, draft));
}

/** Validates and creates (the server creates nothing unless Connect's validation passes). */
export function useRegisterConnectorMutation(cluster: string, options: HookMutationOptions<ActionOutcome, ConnectorDraft> = {}) {
  const queryClient = useQueryClient();
  return useAreaMutation("connect", withMutationOptions({
    mutationFn: (draft: ConnectorDraft) => registerConnector(cluster, draft),
    onSuccess: (_data, draft) => invalidateConnector(queryClient, cluster, draft.name),
  }, options));
}
