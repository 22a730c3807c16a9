import { useQuery } from "@tanstack/react-query";
import type { DatabaseRef } from "@/lib/pg/types";
import { apiGet } from "../fetcher";
import { databaseKeys } from "./keys";
import { databaseApi } from "./paths";

export function getDatabases(signal?: AbortSignal) {
  return apiGet<{ databases: DatabaseRef[] }>(databaseApi.list(), signal).then((r) => r.databases);
}

export function useDatabasesQuery() {
  return useQuery({ queryKey: databaseKeys.list(), queryFn: ({ signal }) => getDatabases(signal), staleTime: Infinity });
}
