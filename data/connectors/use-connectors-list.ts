import { useQuery } from "@tanstack/react-query";
import type { ConnectorsList } from "@/lib/connect/shared/types";
import { apiGet } from "../fetcher";
import { connectKeys, REFRESH_MS } from "./keys";
import { type HookQueryOptions, withQueryOptions } from "../hook-options";

export function getConnectorsList(signal?: AbortSignal): Promise<ConnectorsList> {
  return apiGet<ConnectorsList>("/api/connectors", signal);
}

/** Every cluster's connectors, refreshed every 2 s while the page is visible. */
export function useConnectorsListQuery(options: HookQueryOptions<ConnectorsList> = {}) {
  return useQuery(withQueryOptions({
    queryKey: connectKeys.list(),
    queryFn: ({ signal }) => getConnectorsList(signal),
    refetchInterval: REFRESH_MS,
    refetchIntervalInBackground: false,
  }, options));
}
