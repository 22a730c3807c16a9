import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { ActionOutcome, ConnectorDraft } from "@/lib/connect/types";
import { apiSend, seg } from "../fetcher";
import { invalidateConnector } from "./invalidate";

export function registerConnector(cluster: string, draft: ConnectorDraft): Promise<ActionOutcome> {
  return apiSend<ActionOutcome>("POST", `/api/connectors/${seg(cluster)}/connectors`, draft);
}

/** Validates and creates (the server creates nothing unless Connect's validation passes). */
export function useRegisterConnectorMutation(cluster: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (draft: ConnectorDraft) => registerConnector(cluster, draft),
    onSuccess: (_data, draft) => invalidateConnector(queryClient, cluster, draft.name),
  });
}
