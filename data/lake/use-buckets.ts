import { useQuery } from "@tanstack/react-query";
import type { BucketSummary } from "@/lib/s3/lake-types";
import { apiGet } from "../fetcher";
import { lakeApi } from "./paths";
import { lakeKeys } from "./keys";

export function getBuckets(signal?: AbortSignal) {
  return apiGet<{ buckets: BucketSummary[] }>(lakeApi.buckets(), signal).then((r) => r.buckets);
}

export function useBucketsQuery() {
  return useQuery({ queryKey: lakeKeys.buckets(), queryFn: ({ signal }) => getBuckets(signal) });
}
