import { useQueryClient } from "@tanstack/react-query";
import { useAreaMutation } from "../health/use-clear-on-recovery";
import type { DeleteResult } from "@/lib/s3/shared/lake-types";
import { deleteObjectsAction } from "@/app/actions/lake";
import { actionData } from "../fetcher";
import { lakeKeys } from "./keys";
import { type HookMutationOptions, withMutationOptions } from "../hook-options";

export function useDeleteObjectsMutation(bucket: string, options: HookMutationOptions<DeleteResult, string[]> = {}) {
  const queryClient = useQueryClient();
  return useAreaMutation("lake", withMutationOptions({
    mutationFn: (keys: string[]) => actionData<DeleteResult>(deleteObjectsAction(bucket, keys)),
    onSettled: () => Promise.all([
      queryClient.invalidateQueries({ queryKey: lakeKeys.objects(bucket) }),
      queryClient.invalidateQueries({ queryKey: [...lakeKeys.bucket(bucket), "stats"] }),
    ]),
  }, options));
}
