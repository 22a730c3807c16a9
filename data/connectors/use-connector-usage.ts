import { useQuery } from "@tanstack/react-query";
import type { ConnectorUse, UsageTarget } from "@/lib/connect/shared/usage-match";
import { apiGet } from "../fetcher";
import { connectKeys } from "./keys";

export function getConnectorUsage(target: UsageTarget, signal?: AbortSignal) {
  const q = new URLSearchParams("bucket" in target ? { bucket: target.bucket } : { topic: target.topic });
  return apiGet<{ connectors: ConnectorUse[] }>(`/api/connectors/usage?${q}`, signal);
}

/** The connectors that write into / read from a bucket or topic: asked when a delete confirmation opens. */
export function useConnectorUsageQuery(target: UsageTarget | null) {
  return useQuery({
    queryKey: [...connectKeys.all, "usage", target ?? {}] as const,
    queryFn: ({ signal }) => getConnectorUsage(target!, signal),
    enabled: target !== null,
    staleTime: 5_000,
  });
}
