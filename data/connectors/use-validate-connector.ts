import { useMutation } from "@tanstack/react-query";
import type { ConnectorDraft, ValidationReport } from "@/lib/connect/types";
import { apiSend, seg } from "../fetcher";

export function validateConnector(cluster: string, draft: ConnectorDraft): Promise<ValidationReport> {
  return apiSend<ValidationReport>("POST", `/api/connectors/${seg(cluster)}/validate`, draft);
}

/** Connect's per-field validation of a draft; changes nothing, so nothing to invalidate. */
export function useValidateConnectorMutation(cluster: string) {
  return useMutation({ mutationFn: (draft: ConnectorDraft) => validateConnector(cluster, draft) });
}
