// Starting and stopping the data generators as guarded operations, shared by the JSON routes and the server actions.
import "server-only";
import type { z } from "zod";
import type { MutationSpec } from "../auth/guard";
import { startParams, stopParams } from "./shared/params";
import { generatorRegistry } from "./registry";

export const generatorOps = {
  /** Starts a generator (historical, streaming or cdc); 409 when that generator already runs. */
  start: {
    action: "generators.start",
    input: startParams,
    target: ({ input }) => input.generator,
    successStatus: 201,
    run: ({ input, principal }) => generatorRegistry().start(input, principal.user),
  } satisfies MutationSpec<z.infer<typeof startParams>, Record<string, never>>,
  /** Stops a running generator once its batches in flight commit; 409 when it is not running. */
  stop: {
    action: "generators.stop",
    input: stopParams,
    target: ({ input }) => input.generator,
    run: ({ input }) => generatorRegistry().stop(input.generator),
  } satisfies MutationSpec<z.infer<typeof stopParams>, Record<string, never>>,
};
