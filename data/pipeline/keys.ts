import type { SeriesKind } from "@/lib/pipeline/shared/metrics";

export const pipelineKeys = {
  all: ["pipeline"] as const,
  checklist: (params: Record<string, string>) => [...pipelineKeys.all, "checklist", params] as const,
  history: (kind: SeriesKind, key: string | null) => [...pipelineKeys.all, "history", kind, key] as const,
  traces: () => [...pipelineKeys.all, "traces"] as const,
  traceList: (limit: number) => [...pipelineKeys.traces(), "list", { limit }] as const,
  trace: (id: string) => [...pipelineKeys.traces(), "one", id] as const,
};
