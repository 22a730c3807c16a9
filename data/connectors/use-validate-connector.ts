import { useMutation } from "@tanstack/react-query";
import type { ConnectorDraft, ValidationReport } from "@/lib/connect/types";
import { validateConnectorAction } from "@/app/actions/connectors";
import { actionData } from "../fetcher";

export function validateConnector(cluster: string, draft: ConnectorDraft): Promise<ValidationReport> {
  return actionData<ValidationReport>(validateConnectorAction(cluster, draft));
}

/** Connect's per-field validation of a draft; changes nothing, so nothing to invalidate. */
export function useValidateConnectorMutation(cluster: string) {
  return useMutation({ mutationFn: (draft: ConnectorDraft) => validateConnector(cluster, draft) });
}
