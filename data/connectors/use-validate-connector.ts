import { useAreaMutation } from "../health/use-clear-on-recovery";
import type { ConnectorDraft, ValidationReport } from "@/lib/connect/shared/types";
import { validateConnectorAction } from "@/app/actions/connectors";
import { actionData } from "../fetcher";
import { type HookMutationOptions, withMutationOptions } from "../hook-options";

export function validateConnector(cluster: string, draft: ConnectorDraft): Promise<ValidationReport> {
  return actionData<ValidationReport>(validateConnectorAction(cluster, draft));
}

/** Connect's per-field validation of a draft; changes nothing, so nothing to invalidate. */
export function useValidateConnectorMutation(cluster: string, options: HookMutationOptions<ValidationReport, ConnectorDraft> = {}) {
  return useAreaMutation("connect", withMutationOptions({ mutationFn: (draft: ConnectorDraft) => validateConnector(cluster, draft) }, options));
}
