import type { SeriesKind } from "@/lib/pipeline/history";

export const pipelineKeys = {
  all: ["pipeline"] as const,
  history: (kind: SeriesKind, key: string | null) => [...pipelineKeys.all, "history", kind, key] as const,
};
