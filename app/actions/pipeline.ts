"use server";
// The pipeline's server actions over the same guarded operations as the JSON routes (lib/pipeline/operations.ts).
import { runAction } from "@/lib/auth/guard";
import { pipelineOps } from "@/lib/pipeline/operations";

export async function startTraceAction(input: unknown) {
  return runAction(pipelineOps.startTrace, {}, input);
}
