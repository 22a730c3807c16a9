import { useQueryClient } from "@tanstack/react-query";
import { useAreaMutation } from "../health/use-clear-on-recovery";
import type { BucketSummary, DeleteResult } from "@/lib/s3/shared/lake-types";
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
  return useAreaMutation("lake", withMutationOptions({
    mutationFn: ({ bucket, withObjects, expectedObjects }: DeleteBucketVars) =>
      actionData<{ bucket: string; objects: DeleteResult | null }>(deleteBucketAction(bucket, { withObjects, expectedObjects })),
    onSuccess: (_data, vars) => {
      // Drop the row at once: its stats and access queries must not be refetched for a bucket that is gone.
      queryClient.setQueryData<BucketSummary[]>(lakeKeys.buckets(), (list) => list?.filter((b) => b.name !== vars.bucket));
    },
    onSettled: async (_data, error, vars) => {
      // Only the list: a prefix invalidation would refetch the deleted bucket's /stats and /access (404s).
      await queryClient.invalidateQueries({ queryKey: lakeKeys.buckets(), exact: true });
      if (!error) queryClient.removeQueries({ queryKey: lakeKeys.bucket(vars.bucket) });
    },
  }, options));
}
