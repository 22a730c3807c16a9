import { mutatingRoute } from "@/lib/auth/guard";
import { stopParams } from "@/lib/generators/params";
import { generatorRegistry } from "@/lib/generators/registry";

/** Stops a running generator once its batches in flight commit; 409 when it is not running. */
export const POST = mutatingRoute({
  action: "generators.stop",
  input: stopParams,
  target: ({ input }) => input.generator,
  run: ({ input }) => generatorRegistry().stop(input.generator),
});
