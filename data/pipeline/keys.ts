export const pipelineKeys = {
  all: ["pipeline"] as const,
  traces: () => [...pipelineKeys.all, "traces"] as const,
  traceList: (limit: number) => [...pipelineKeys.traces(), "list", { limit }] as const,
  trace: (id: string) => [...pipelineKeys.traces(), "one", id] as const,
};
