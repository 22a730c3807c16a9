import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { StartInput } from "@/lib/generators/params";
import type { RunSnapshot } from "@/lib/generators/types";
import { generatorKeys } from "./keys";
import { apiSend } from "../fetcher";

/** POST /api/generators/start (operator only). */
export function startGenerator(input: StartInput): Promise<RunSnapshot> {
  return apiSend<RunSnapshot>("POST", "/api/generators/start", input);
}

export function useStartGeneratorMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: startGenerator,
    onSuccess: (run) => Promise.all([
      queryClient.invalidateQueries({ queryKey: generatorKeys.runs() }),
      queryClient.invalidateQueries({ queryKey: generatorKeys.run(run.generator) }),
    ]),
  });
}
