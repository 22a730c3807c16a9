import { keepPreviousData, useQuery } from "@tanstack/react-query";
import type { TableDetail, TableRows } from "@/lib/pg/shared/types";
import { apiGet } from "../fetcher";
import { databaseKeys } from "./keys";
import { databaseApi } from "./paths";
import { type HookQueryOptions, withQueryOptions } from "../hook-options";

export function getTable(db: string, schema: string, table: string, signal?: AbortSignal) {
  return apiGet<TableDetail>(databaseApi.table(db, schema, table), signal);
}

export function useTableQuery(db: string, schema: string, table: string, options: HookQueryOptions<TableDetail> = {}) {
  return useQuery(withQueryOptions({ queryKey: databaseKeys.table(db, schema, table), queryFn: ({ signal }) => getTable(db, schema, table, signal) }, options));
}

export function getTableRows(db: string, schema: string, table: string, offset: number, signal?: AbortSignal) {
  return apiGet<TableRows>(databaseApi.rows(db, schema, table, offset), signal);
}

/** A page of rows; the previous page stays on screen while the next loads. */
export function useTableRowsQuery(db: string, schema: string, table: string, offset: number, options: HookQueryOptions<TableRows> = {}) {
  return useQuery(withQueryOptions({ queryKey: databaseKeys.rows(db, schema, table, offset), queryFn: ({ signal }) => getTableRows(db, schema, table, offset, signal), placeholderData: keepPreviousData }, options));
}

export function getExactCount(db: string, schema: string, table: string, signal?: AbortSignal) {
  return apiGet<{ rows: number }>(databaseApi.count(db, schema, table), signal).then((r) => r.rows);
}

/** count(*) only when asked (`enabled`), never on a timer. */
export function useExactCountQuery(db: string, schema: string, table: string, enabled: boolean, options: HookQueryOptions<number> = {}) {
  return useQuery(withQueryOptions({ queryKey: databaseKeys.count(db, schema, table), queryFn: ({ signal }) => getExactCount(db, schema, table, signal), enabled, staleTime: 60_000 }, options));
}
