import { useQuery } from "@tanstack/react-query";
import type { ConnectorDetail } from "@/lib/connect/shared/types";
import { apiGet, seg } from "../fetcher";
import { connectKeys, REFRESH_MS } from "./keys";
import { type HookQueryOptions, withQueryOptions } from "../hook-options";

export function getConnectorDetail(cluster: string, name: string, signal?: AbortSignal): Promise<ConnectorDetail> {
  return apiGet<ConnectorDetail>(`/api/connectors/${seg(cluster)}/connectors/${seg(name)}`, signal);
}

export function useConnectorDetailQuery(cluster: string, name: string, options: HookQueryOptions<ConnectorDetail> = {}) {
  return useQuery(withQueryOptions({
    queryKey: connectKeys.connector(cluster, name),
    queryFn: ({ signal }) => getConnectorDetail(cluster, name, signal),
    refetchInterval: REFRESH_MS,
    refetchIntervalInBackground: false,
  }, options));
}
