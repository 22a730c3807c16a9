import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { DeleteResult } from "@/lib/s3/lake-types";
import { deletePrefixAction } from "@/app/actions/lake";
import { actionData } from "../fetcher";
import { lakeKeys } from "./keys";

export function useDeletePrefixMutation(bucket: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (vars: { prefix: string; expectedObjects: number }) => actionData<DeleteResult>(deletePrefixAction(bucket, vars)),
    onSettled: () => Promise.all([
      queryClient.invalidateQueries({ queryKey: lakeKeys.objects(bucket) }),
      queryClient.invalidateQueries({ queryKey: [...lakeKeys.bucket(bucket), "stats"] }),
    ]),
  });
}
