export const pipelineKeys = {
  all: ["pipeline"] as const,
  checklist: (params: Record<string, string>) => [...pipelineKeys.all, "checklist", params] as const,
};
