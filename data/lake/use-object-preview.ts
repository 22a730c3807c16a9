import { useQuery } from "@tanstack/react-query";
import type { ObjectPreview } from "@/lib/s3/shared/lake-types";
import { apiGet } from "../fetcher";
import { lakeApi } from "./paths";
import { lakeKeys } from "./keys";
import { type HookQueryOptions, withQueryOptions } from "../hook-options";

export function getObjectPreview(bucket: string, key: string, signal?: AbortSignal) {
  return apiGet<ObjectPreview>(lakeApi.path(bucket, "preview", { key }), signal);
}

export function useObjectPreviewQuery(bucket: string, key: string, options: HookQueryOptions<ObjectPreview> = {}) {
  return useQuery(withQueryOptions({
    queryKey: lakeKeys.preview(bucket, key),
    queryFn: ({ signal }) => getObjectPreview(bucket, key, signal),
    // Objects do not change under the same key often, and image URLs are signed for 5 minutes.
    staleTime: 60_000,
    refetchOnWindowFocus: false,
  }, options));
}
