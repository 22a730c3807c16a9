import { useQuery } from "@tanstack/react-query";
import type { PrefixInfo } from "@/lib/sql/shared/types";
import { apiGet } from "../fetcher";
import { sqlApi, sqlKeys } from "./keys";
import { type HookQueryOptions, withQueryOptions } from "../hook-options";

export function getPrefixInfo(bucket: string, prefix: string, signal?: AbortSignal) {
  return apiGet<PrefixInfo>(sqlApi.describe(bucket, prefix), signal);
}

/** Reads the prefix's objects (fetches them into the server's cache): only when the user asks. */
export function useDescribePrefixQuery(target: { bucket: string; prefix: string } | null, options: HookQueryOptions<PrefixInfo> = {}) {
  return useQuery(withQueryOptions({
    queryKey: sqlKeys.describe(target?.bucket ?? "", target?.prefix ?? ""),
    queryFn: ({ signal }) => getPrefixInfo(target!.bucket, target!.prefix, signal),
    enabled: target !== null,
    staleTime: 30_000,
  }, options));
}
