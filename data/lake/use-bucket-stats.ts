import { useQuery } from "@tanstack/react-query";
import type { BucketStats } from "@/lib/s3/lake-types";
import { getJson, lakeApi } from "./api";
import { lakeKeys } from "./keys";

export function getBucketStats(bucket: string, prefix: string, signal?: AbortSignal) {
  return getJson<BucketStats>(lakeApi.path(bucket, "stats", { prefix }), signal);
}

/** Object count and size, counted by paging on the server: only when `enabled` (the person asked). */
export function useBucketStatsQuery(bucket: string, prefix: string, enabled: boolean) {
  return useQuery({
    queryKey: lakeKeys.stats(bucket, prefix),
    queryFn: ({ signal }) => getBucketStats(bucket, prefix, signal),
    enabled,
    staleTime: 30_000,
    refetchOnWindowFocus: false,
  });
}
