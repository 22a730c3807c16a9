import { useQuery } from "@tanstack/react-query";
import type { BucketSummary } from "@/lib/s3/shared/lake-types";
import { apiGet } from "../fetcher";
import { lakeApi } from "./paths";
import { lakeKeys } from "./keys";
import { type HookQueryOptions, withQueryOptions } from "../hook-options";

export function getBuckets(signal?: AbortSignal) {
  return apiGet<{ buckets: BucketSummary[] }>(lakeApi.buckets(), signal).then((r) => r.buckets);
}

export function useBucketsQuery(options: HookQueryOptions<BucketSummary[]> = {}) {
  return useQuery(withQueryOptions({ queryKey: lakeKeys.buckets(), queryFn: ({ signal }) => getBuckets(signal) }, options));
}
