import { useQueryClient } from "@tanstack/react-query";
import { useAreaMutation } from "../health/use-clear-on-recovery";
import type { DeleteResult } from "@/lib/s3/shared/lake-types";
import { deletePrefixAction } from "@/app/actions/lake";
import { actionData } from "../fetcher";
import { lakeKeys } from "./keys";
import { type HookMutationOptions, withMutationOptions } from "../hook-options";

export function useDeletePrefixMutation(bucket: string, options: HookMutationOptions<DeleteResult, { prefix: string; expectedObjects: number }> = {}) {
  const queryClient = useQueryClient();
  return useAreaMutation("lake", withMutationOptions({
    mutationFn: (vars: { prefix: string; expectedObjects: number }) => actionData<DeleteResult>(deletePrefixAction(bucket, vars)),
    onSettled: () => Promise.all([
      queryClient.invalidateQueries({ queryKey: lakeKeys.objects(bucket) }),
      queryClient.invalidateQueries({ queryKey: [...lakeKeys.bucket(bucket), "stats"] }),
    ]),
  }, options));
}
