// The pipeline's guarded operations (lib/auth/guard.ts), shared by the JSON route and the server action.
import "server-only";
import type { MutationSpec } from "../auth/guard";
import { traceRunner } from "./trace/runner";
import { startTraceInput, type StartTraceParams } from "./shared/trace";

export const pipelineOps = {
  /**
   * Starts a trace: one marked change in a captured table (committed before the answer), then followed in the
   * background to the connector's topic and the sink's object. 429 when MAX_RUNNING traces already run.
   */
  startTrace: {
    action: "pipeline.trace.start",
    input: startTraceInput,
    target: ({ input }) => [input.connector, input.table].filter(Boolean).join(" ") || "default",
    successStatus: 201,
    run: ({ input, principal }) => traceRunner().start(input, principal.user),
  } satisfies MutationSpec<StartTraceParams, Record<string, never>>,
};
