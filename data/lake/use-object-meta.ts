import { useQuery } from "@tanstack/react-query";
import type { ObjectMeta } from "@/lib/s3/shared/lake-types";
import { apiGet } from "../fetcher";
import { lakeApi } from "./paths";
import { lakeKeys } from "./keys";
import { type HookQueryOptions, withQueryOptions } from "../hook-options";

export function getObjectMeta(bucket: string, key: string, signal?: AbortSignal) {
  return apiGet<ObjectMeta>(lakeApi.path(bucket, "object", { key }), signal);
}

export function useObjectMetaQuery(bucket: string, key: string, options: HookQueryOptions<ObjectMeta> = {}) {
  return useQuery(withQueryOptions({ queryKey: lakeKeys.meta(bucket, key), queryFn: ({ signal }) => getObjectMeta(bucket, key, signal) }, options));
}
