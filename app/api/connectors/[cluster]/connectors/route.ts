import { z } from "zod";
import { mutatingRoute } from "@/lib/auth/guard";
import { resolveCluster } from "@/lib/connect/client";
import { registerConnector } from "@/lib/connect/connectors";
import { draftInput } from "@/lib/connect/inputs";

/** POST /api/connectors/{cluster}/connectors — validate, then create only if Connect accepts the config. */
export const POST = mutatingRoute<z.infer<typeof draftInput>, { cluster: string }>({
  action: "connector.create",
  input: draftInput,
  target: ({ input }) => input.name,
  successStatus: 201,
  run: async ({ input, params }) => registerConnector(resolveCluster(params.cluster), input),
});
