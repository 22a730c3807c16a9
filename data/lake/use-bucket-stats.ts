import { useQuery } from "@tanstack/react-query";
import type { BucketStats } from "@/lib/s3/shared/lake-types";
import { apiGet } from "../fetcher";
import { lakeApi } from "./paths";
import { lakeKeys } from "./keys";
import { type HookQueryOptions, withQueryOptions } from "../hook-options";

export function getBucketStats(bucket: string, prefix: string, signal?: AbortSignal) {
  return apiGet<BucketStats>(lakeApi.path(bucket, "stats", { prefix }), signal);
}

/** Object count and size, counted by paging on the server: only when `enabled` (the person asked). */
export function useBucketStatsQuery(bucket: string, prefix: string, enabled: boolean, options: HookQueryOptions<BucketStats> = {}) {
  return useQuery(withQueryOptions({
    queryKey: lakeKeys.stats(bucket, prefix),
    queryFn: ({ signal }) => getBucketStats(bucket, prefix, signal),
    enabled,
    staleTime: 30_000,
    refetchOnWindowFocus: false,
  }, options));
}
