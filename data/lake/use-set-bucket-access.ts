import { useQueryClient } from "@tanstack/react-query";
import { useAreaMutation } from "../health/use-clear-on-recovery";
import type { BucketAccessInfo } from "@/lib/s3/shared/lake-types";
import { setBucketAccessAction } from "@/app/actions/lake";
import { actionData } from "../fetcher";
import { lakeKeys } from "./keys";
import { type HookMutationOptions, withMutationOptions } from "../hook-options";

export function useSetBucketAccessMutation(bucket: string, options: HookMutationOptions<BucketAccessInfo, boolean> = {}) {
  const queryClient = useQueryClient();
  return useAreaMutation("lake", withMutationOptions({
    mutationFn: (publicRead: boolean) => actionData<BucketAccessInfo>(setBucketAccessAction(bucket, publicRead)),
    // Also after a failure: a 501 taught the server that policies are unsupported, and the row should say so.
    onSettled: () => queryClient.invalidateQueries({ queryKey: lakeKeys.access(bucket) }),
  }, options));
}
