import { useQuery } from "@tanstack/react-query";
import type { LatestObjects } from "@/lib/s3/shared/lake-types";
import { apiGet } from "../fetcher";
import { lakeApi } from "./paths";
import { lakeKeys } from "./keys";
import { type HookQueryOptions, withQueryOptions } from "../hook-options";

export const LATEST_REFRESH_MS = 3000;

export function getLatestObjects(bucket: string, prefix: string, signal?: AbortSignal) {
  return apiGet<LatestObjects>(lakeApi.path(bucket, "latest", { prefix, limit: 50 }), signal);
}

/** The newest objects under a prefix, refreshed every 3 s while `live` (a sink is writing). */
export function useLatestObjectsQuery(bucket: string, prefix: string, live: boolean, options: HookQueryOptions<LatestObjects> = {}) {
  return useQuery(withQueryOptions({
    queryKey: lakeKeys.latest(bucket, prefix),
    queryFn: ({ signal }) => getLatestObjects(bucket, prefix, signal),
    refetchInterval: live ? LATEST_REFRESH_MS : false,
    refetchIntervalInBackground: false,
  }, options));
}
