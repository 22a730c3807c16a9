import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { BucketAccessInfo } from "@/lib/s3/lake-types";
import { apiSend } from "../fetcher";
import { lakeApi } from "./paths";
import { lakeKeys } from "./keys";

export function useSetBucketAccessMutation(bucket: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (publicRead: boolean) => apiSend<BucketAccessInfo>("PUT", lakeApi.path(bucket, "access"), { publicRead }),
    // Also after a failure: a 501 taught the server that policies are unsupported, and the row should say so.
    onSettled: () => queryClient.invalidateQueries({ queryKey: lakeKeys.access(bucket) }),
  });
}
