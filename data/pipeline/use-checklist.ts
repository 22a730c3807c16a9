import { useQuery } from "@tanstack/react-query";
import type { ChecklistReport } from "@/lib/pipeline/shared/checklist";
import { apiGet } from "../fetcher";
import { type HookQueryOptions, withQueryOptions } from "../hook-options";
import { pipelineKeys } from "./keys";

export const CHECKLIST_REFRESH_MS = 5000;

export function getChecklist(params: Record<string, string>, signal?: AbortSignal) {
  const qs = new URLSearchParams(params).toString();
  return apiGet<ChecklistReport>(`/api/pipeline/checklist${qs ? `?${qs}` : ""}`, signal);
}

/** The course's checklist, refreshed every 5 s while the page is visible; `params` narrows the targets (?connector=). */
export function useChecklistQuery(params: Record<string, string> = {}, options: HookQueryOptions<ChecklistReport> = {}) {
  return useQuery(
    withQueryOptions(
      {
        queryKey: pipelineKeys.checklist(params),
        queryFn: ({ signal }) => getChecklist(params, signal),
        refetchInterval: CHECKLIST_REFRESH_MS,
        refetchIntervalInBackground: false,
      },
      options,
    ),
  );
}
