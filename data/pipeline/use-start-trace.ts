import { useMutation, useQueryClient } from "@tanstack/react-query";
import { startTraceAction } from "@/app/actions/pipeline";
import type { StartTraceInput, TraceView } from "@/lib/pipeline/shared/trace";
import { actionData } from "../fetcher";
import { type HookMutationOptions, withMutationOptions } from "../hook-options";
import { pipelineKeys } from "./keys";

/** Starts a trace (operator only, audited): answers once the marked change committed. */
export function startTrace(input: StartTraceInput): Promise<TraceView> {
  return actionData<TraceView>(startTraceAction(input));
}

export function useStartTraceMutation(options: HookMutationOptions<TraceView, StartTraceInput> = {}) {
  const queryClient = useQueryClient();
  return useMutation(withMutationOptions({
    mutationFn: startTrace,
    onSuccess: (trace) => {
      queryClient.setQueryData(pipelineKeys.trace(trace.id), trace);
      return queryClient.invalidateQueries({ queryKey: pipelineKeys.traces() });
    },
  }, options));
}
