import { useQueryClient } from "@tanstack/react-query";
import { useAreaMutation } from "../health/use-clear-on-recovery";
import type { StartInput } from "@/lib/generators/shared/params";
import type { RunSnapshot } from "@/lib/generators/shared/types";
import { generatorKeys } from "./keys";
import { startGeneratorAction } from "@/app/actions/generators";
import { actionData } from "../fetcher";
import { type HookMutationOptions, withMutationOptions } from "../hook-options";

/** Starts a generator (operator only, audited). */
export function startGenerator(input: StartInput): Promise<RunSnapshot> {
  return actionData<RunSnapshot>(startGeneratorAction(input));
}

export function useStartGeneratorMutation(options: HookMutationOptions<RunSnapshot, StartInput> = {}) {
  const queryClient = useQueryClient();
  return useAreaMutation("generators", withMutationOptions({
    mutationFn: startGenerator,
    onSuccess: (run) => Promise.all([
      queryClient.invalidateQueries({ queryKey: generatorKeys.runs() }),
      queryClient.invalidateQueries({ queryKey: generatorKeys.run(run.generator) }),
    ]),
  }, options));
}
