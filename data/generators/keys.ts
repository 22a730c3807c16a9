import type { GeneratorKind } from "@/lib/generators/shared/params";

export const generatorKeys = {
  all: ["generators"] as const,
  runs: () => [...generatorKeys.all, "runs"] as const,
  runList: (limit: number) => [...generatorKeys.runs(), "list", { limit }] as const,
  run: (generator: GeneratorKind) => [...generatorKeys.runs(), "generator", generator] as const,
};
