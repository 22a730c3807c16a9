import { useQuery } from "@tanstack/react-query";
import type { ValidationReport } from "@/lib/connect/shared/types";
import { apiGet, seg } from "../fetcher";
import { connectKeys } from "./keys";
import { type HookQueryOptions, withQueryOptions } from "../hook-options";

export function getConnectorDiagnosis(cluster: string, name: string, signal?: AbortSignal): Promise<ValidationReport> {
  return apiGet<ValidationReport>(`/api/connectors/${seg(cluster)}/connectors/${seg(name)}/diagnose`, signal);
}

/** Connect's validation of the stored config; runs only when asked (`enabled`), never on a timer. */
export function useConnectorDiagnoseQuery(cluster: string, name: string, enabled: boolean, options: HookQueryOptions<ValidationReport> = {}) {
  return useQuery(withQueryOptions({
    queryKey: connectKeys.diagnose(cluster, name),
    queryFn: ({ signal }) => getConnectorDiagnosis(cluster, name, signal),
    enabled,
    staleTime: Infinity,
    retry: false,
  }, options));
}
