import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { DeleteResult } from "@/lib/s3/lake-types";
import { deleteBucketAction } from "@/app/actions/lake";
import { actionData } from "../fetcher";
import { lakeKeys } from "./keys";
import { type HookMutationOptions, withMutationOptions } from "../hook-options";

export interface DeleteBucketVars {
  bucket: string;
  withObjects: boolean;
  /** The count the person confirmed. */
  expectedObjects?: number;
}

export function useDeleteBucketMutation(options: HookMutationOptions<{ bucket: string; objects: DeleteResult | null }, DeleteBucketVars> = {}) {
  const queryClient = useQueryClient();
  return useMutation(withMutationOptions({
    mutationFn: ({ bucket, withObjects, expectedObjects }: DeleteBucketVars) =>
      actionData<{ bucket: string; objects: DeleteResult | null }>(deleteBucketAction(bucket, { withObjects, expectedObjects })),
    onSettled: (_data, _error, vars) => {
      queryClient.removeQueries({ queryKey: lakeKeys.bucket(vars.bucket) });
      return queryClient.invalidateQueries({ queryKey: lakeKeys.buckets() });
    },
  }, options));
}
