import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { BucketSummary } from "@/lib/s3/lake-types";
import { apiSend } from "../fetcher";
import { lakeApi } from "./paths";
import { lakeKeys } from "./keys";

export function useCreateBucketMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => apiSend<BucketSummary>("POST", lakeApi.buckets(), { name }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: lakeKeys.buckets() }),
  });
}
