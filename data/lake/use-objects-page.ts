import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { ObjectPage } from "@/lib/s3/shared/lake-types";
import { apiGet } from "../fetcher";
import { lakeApi } from "./paths";
import { lakeKeys, type PageVars } from "./keys";
import { type HookQueryOptions, withQueryOptions } from "../hook-options";

export function getObjectsPage(bucket: string, vars: PageVars, signal?: AbortSignal) {
  return apiGet<ObjectPage>(lakeApi.path(bucket, "objects", { prefix: vars.prefix, filter: vars.filter, maxKeys: vars.maxKeys, token: vars.token }), signal);
}

/** One page (one ListObjectsV2 call); the previous page stays on screen while the next one loads. */
export function useObjectsPageQuery(bucket: string, vars: PageVars, options: HookQueryOptions<ObjectPage> = {}) {
  return useQuery(withQueryOptions({
    queryKey: lakeKeys.page(bucket, vars),
    queryFn: ({ signal }) => getObjectsPage(bucket, vars, signal),
    placeholderData: keepPreviousData,
  }, options));
}
