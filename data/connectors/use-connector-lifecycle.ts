import { useQueryClient } from "@tanstack/react-query";
import { useAreaMutation } from "../health/use-clear-on-recovery";
import type { ActionOutcome } from "@/lib/connect/shared/types";
import {
  pauseConnectorAction,
  resetOffsetsAction,
  restartConnectorAction,
  resumeConnectorAction,
  stopConnectorAction,
} from "@/app/actions/connectors";
import { actionData } from "../fetcher";
import { type HookMutationOptions, withMutationOptions } from "../hook-options";
import { invalidateConnector } from "./invalidate";

/** What Connect's lifecycle endpoints do to one connector (lib/connect/connectors.ts changeConnectorState). */
export type LifecycleAction = "pause" | "resume" | "stop" | "restart" | "reset-offsets";

export interface RestartOptions {
  includeTasks: boolean;
  onlyFailed: boolean;
}

const ACTIONS = {
  pause: pauseConnectorAction,
  resume: resumeConnectorAction,
  stop: stopConnectorAction,
  "reset-offsets": resetOffsetsAction,
} as const;

function connectorAction(cluster: string, name: string, action: LifecycleAction, restart?: RestartOptions): Promise<ActionOutcome> {
  const ref = { cluster, name };
  return actionData<ActionOutcome>(action === "restart" ? restartConnectorAction(ref, restart) : ACTIONS[action](ref));
}

/** One mutation for every lifecycle action; the list and the connector are re-read from the cluster afterwards. */
export function useConnectorLifecycleMutation(
  cluster: string,
  name: string,
  action: LifecycleAction,
  options: HookMutationOptions<ActionOutcome, RestartOptions | void> = {},
) {
  const queryClient = useQueryClient();
  return useAreaMutation("connect", withMutationOptions({
    mutationFn: (restart: RestartOptions | void) => connectorAction(cluster, name, action, restart ?? undefined),
    onSettled: () => invalidateConnector(queryClient, cluster, name),
  }, options));
}
