import { useQuery } from "@tanstack/react-query";
import type { BucketAccessInfo } from "@/lib/s3/shared/lake-types";
import { apiGet } from "../fetcher";
import { lakeApi } from "./paths";
import { lakeKeys } from "./keys";
import { type HookQueryOptions, withQueryOptions } from "../hook-options";

export function getBucketAccess(bucket: string, signal?: AbortSignal) {
  return apiGet<BucketAccessInfo>(lakeApi.path(bucket, "access"), signal);
}

export function useBucketAccessQuery(bucket: string, options: HookQueryOptions<BucketAccessInfo> = {}) {
  return useQuery(withQueryOptions({ queryKey: lakeKeys.access(bucket), queryFn: ({ signal }) => getBucketAccess(bucket, signal), staleTime: 30_000 }, options));
}
