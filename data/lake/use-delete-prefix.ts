import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { DeleteResult } from "@/lib/s3/lake-types";
import { apiSend } from "../fetcher";
import { lakeApi } from "./paths";
import { lakeKeys } from "./keys";

export function useDeletePrefixMutation(bucket: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (vars: { prefix: string; expectedObjects: number }) => apiSend<DeleteResult>("DELETE", lakeApi.path(bucket, "prefix"), vars),
    onSettled: () => Promise.all([
      queryClient.invalidateQueries({ queryKey: lakeKeys.objects(bucket) }),
      queryClient.invalidateQueries({ queryKey: [...lakeKeys.bucket(bucket), "stats"] }),
    ]),
  });
}
