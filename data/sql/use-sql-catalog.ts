import { useQuery } from "@tanstack/react-query";
import type { SqlExample } from "@/lib/sql/shared/examples";
import { apiGet } from "../fetcher";
import { sqlApi, sqlKeys } from "./keys";
import { type HookQueryOptions, withQueryOptions } from "../hook-options";

export interface SqlCatalog {
  examples: SqlExample[];
  limits: { maxRows: number; queryTimeoutMs: number; memoryLimitMb: number; maxFetchBytes: number };
}

export function getSqlCatalog(signal?: AbortSignal) {
  return apiGet<SqlCatalog>(sqlApi.catalog(), signal);
}

export function useSqlCatalogQuery(options: HookQueryOptions<SqlCatalog> = {}) {
  return useQuery(withQueryOptions({ queryKey: sqlKeys.catalog(), queryFn: ({ signal }) => getSqlCatalog(signal), staleTime: Infinity }, options));
}
