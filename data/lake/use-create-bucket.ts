import { useQueryClient } from "@tanstack/react-query";
import { useAreaMutation } from "../health/use-clear-on-recovery";
import type { BucketSummary } from "@/lib/s3/shared/lake-types";
import { createBucketAction } from "@/app/actions/lake";
import { actionData } from "../fetcher";
import { lakeKeys } from "./keys";
import { type HookMutationOptions, withMutationOptions } from "../hook-options";

export function useCreateBucketMutation(options: HookMutationOptions<BucketSummary, string> = {}) {
  const queryClient = useQueryClient();
  return useAreaMutation("lake", withMutationOptions({
    mutationFn: (name: string) => actionData<BucketSummary>(createBucketAction(name)),
    onSettled: () => queryClient.invalidateQueries({ queryKey: lakeKeys.buckets() }),
  }, options));
}
