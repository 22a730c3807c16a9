import { useQuery } from "@tanstack/react-query";
import type { Catalog } from "@/lib/pg/types";
import { apiGet } from "../fetcher";
import { databaseKeys } from "./keys";
import { databaseApi } from "./paths";

export function getCatalog(db: string, signal?: AbortSignal) {
  return apiGet<Catalog>(databaseApi.catalog(db), signal);
}

export function useCatalogQuery(db: string) {
  return useQuery({ queryKey: databaseKeys.catalog(db), queryFn: ({ signal }) => getCatalog(db, signal) });
}
