import { useQuery } from "@tanstack/react-query";
import type { DatabaseRef } from "@/lib/pg/shared/types";
import { apiGet } from "../fetcher";
import { databaseKeys } from "./keys";
import { databaseApi } from "./paths";
import { type HookQueryOptions, withQueryOptions } from "../hook-options";

export function getDatabases(signal?: AbortSignal) {
  return apiGet<{ databases: DatabaseRef[] }>(databaseApi.list(), signal).then((r) => r.databases);
}

export function useDatabasesQuery(options: HookQueryOptions<DatabaseRef[]> = {}) {
  return useQuery(withQueryOptions({ queryKey: databaseKeys.list(), queryFn: ({ signal }) => getDatabases(signal), staleTime: Infinity }, options));
}
