import { useQuery } from "@tanstack/react-query";
import type { ConnectorOffsets } from "@/lib/connect/shared/types";
import { apiGet, seg } from "../fetcher";
import { connectKeys, REFRESH_MS } from "./keys";
import { type HookQueryOptions, withQueryOptions } from "../hook-options";

export function getConnectorOffsets(cluster: string, name: string, signal?: AbortSignal): Promise<ConnectorOffsets> {
  return apiGet<ConnectorOffsets>(`/api/connectors/${seg(cluster)}/connectors/${seg(name)}/offsets`, signal);
}

export function useConnectorOffsetsQuery(cluster: string, name: string, options: HookQueryOptions<ConnectorOffsets> = {}) {
  return useQuery(withQueryOptions({
    queryKey: connectKeys.offsets(cluster, name),
    queryFn: ({ signal }) => getConnectorOffsets(cluster, name, signal),
    refetchInterval: REFRESH_MS,
    refetchIntervalInBackground: false,
  }, options));
}
