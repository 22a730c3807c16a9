import { mutatingRoute } from "@/lib/auth/guard";
import { startParams } from "@/lib/generators/params";
import { generatorRegistry } from "@/lib/generators/registry";

/** Starts a generator (historical, streaming or cdc); 409 when that generator already runs. */
export const POST = mutatingRoute({
  action: "generators.start",
  input: startParams,
  target: ({ input }) => input.generator,
  successStatus: 201,
  run: ({ input, principal }) => generatorRegistry().start(input, principal.user),
});
