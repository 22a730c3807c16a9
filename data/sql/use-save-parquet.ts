import { useQueryClient } from "@tanstack/react-query";
import { useAreaMutation } from "../health/use-clear-on-recovery";
import { saveParquetAction } from "@/app/actions/sql";
import { actionData } from "../fetcher";
import { lakeKeys } from "../lake/keys";
import type { RunVars } from "./use-run-query";
import { type HookMutationOptions, withMutationOptions } from "../hook-options";

export interface SavedParquet {
  bucket: string;
  key: string;
  bytes: number;
  rows: number;
  elapsedMs: number;
}

/** Writes the whole result to the lake; the lake's listings of that bucket are refreshed. */
export function useSaveParquetMutation(options: HookMutationOptions<SavedParquet, RunVars & { bucket: string; key: string }> = {}) {
  const queryClient = useQueryClient();
  return useAreaMutation("sql", withMutationOptions({
    mutationFn: (vars: RunVars & { bucket: string; key: string }) => actionData<SavedParquet>(saveParquetAction(vars)),
    onSettled: (_d, _e, vars) => queryClient.invalidateQueries({ queryKey: lakeKeys.objects(vars.bucket) }),
  }, options));
}
