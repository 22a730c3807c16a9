import { useQueryClient } from "@tanstack/react-query";
import { useAreaMutation } from "../health/use-clear-on-recovery";
import type { GeneratorKind } from "@/lib/generators/shared/params";
import type { RunSnapshot } from "@/lib/generators/shared/types";
import { generatorKeys } from "./keys";
import { stopGeneratorAction } from "@/app/actions/generators";
import { actionData } from "../fetcher";
import { type HookMutationOptions, withMutationOptions } from "../hook-options";

/** Stops a generator (operator only, audited): answers once the batches in flight committed. */
export function stopGenerator(generator: GeneratorKind): Promise<RunSnapshot> {
  return actionData<RunSnapshot>(stopGeneratorAction({ generator }));
}

export function useStopGeneratorMutation(options: HookMutationOptions<RunSnapshot, GeneratorKind> = {}) {
  const queryClient = useQueryClient();
  return useAreaMutation("generators", withMutationOptions({
    mutationFn: stopGenerator,
    onSuccess: (_run, generator) => Promise.all([
      queryClient.invalidateQueries({ queryKey: generatorKeys.runs() }),
      queryClient.invalidateQueries({ queryKey: generatorKeys.run(generator) }),
    ]),
  }, options));
}
