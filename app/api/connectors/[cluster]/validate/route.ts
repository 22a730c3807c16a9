import { z } from "zod";
import { mutatingRoute } from "@/lib/auth/guard";
import { resolveCluster } from "@/lib/connect/client";
import { validateDraft } from "@/lib/connect/connectors";
import { draftInput } from "@/lib/connect/inputs";

/**
 * POST /api/connectors/{cluster}/validate — Connect's own per-field validation of a draft; creates nothing.
 * Guarded like a mutation because the plugin's validation reaches out (Debezium logs into the database).
 */
export const POST = mutatingRoute<z.infer<typeof draftInput>, { cluster: string }>({
  action: "connector.validate",
  input: draftInput,
  target: ({ input }) => input.name,
  run: async ({ input, params }) => validateDraft(resolveCluster(params.cluster), input),
});
