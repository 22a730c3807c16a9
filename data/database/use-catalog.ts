import { useQuery } from "@tanstack/react-query";
import type { Catalog } from "@/lib/pg/shared/types";
import { apiGet } from "../fetcher";
import { databaseKeys } from "./keys";
import { databaseApi } from "./paths";
import { type HookQueryOptions, withQueryOptions } from "../hook-options";

export function getCatalog(db: string, signal?: AbortSignal) {
  return apiGet<Catalog>(databaseApi.catalog(db), signal);
}

export function useCatalogQuery(db: string, options: HookQueryOptions<Catalog> = {}) {
  return useQuery(withQueryOptions({ queryKey: databaseKeys.catalog(db), queryFn: ({ signal }) => getCatalog(db, signal) }, options));
}
