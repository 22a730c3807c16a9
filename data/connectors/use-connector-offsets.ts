import { useQuery } from "@tanstack/react-query";
import type { ConnectorOffsets } from "@/lib/connect/types";
import { apiGet, seg } from "../fetcher";
import { connectKeys, REFRESH_MS } from "./keys";

export function getConnectorOffsets(cluster: string, name: string, signal?: AbortSignal): Promise<ConnectorOffsets> {
  return apiGet<ConnectorOffsets>(`/api/connectors/${seg(cluster)}/connectors/${seg(name)}/offsets`, signal);
}

export function useConnectorOffsetsQuery(cluster: string, name: string) {
  return useQuery({
    queryKey: connectKeys.offsets(cluster, name),
    queryFn: ({ signal }) => getConnectorOffsets(cluster, name, signal),
    refetchInterval: REFRESH_MS,
    refetchIntervalInBackground: false,
  });
}
