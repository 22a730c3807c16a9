import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { BucketSummary } from "@/lib/s3/lake-types";
import { lakeApi, sendJson } from "./api";
import { lakeKeys } from "./keys";

export function useCreateBucketMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => sendJson<BucketSummary>("POST", lakeApi.buckets(), { name }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: lakeKeys.buckets() }),
  });
}
