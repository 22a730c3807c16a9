import { useMutation } from "@tanstack/react-query";
import type { ConnectorDraft, ValidationReport } from "@/lib/connect/types";
import { seg, sendJson } from "./fetch";

export function validateConnector(cluster: string, draft: ConnectorDraft): Promise<ValidationReport> {
  return sendJson<ValidationReport>("POST", `/api/connectors/${seg(cluster)}/validate`, draft);
}

/** Connect's per-field validation of a draft; changes nothing, so nothing to invalidate. */
export function useValidateConnectorMutation(cluster: string) {
  return useMutation({ mutationFn: (draft: ConnectorDraft) => validateConnector(cluster, draft) });
}
