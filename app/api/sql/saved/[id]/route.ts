import { mutatingRoute } from "@/lib/auth/guard";
import { savedQueryInputSchema } from "@/lib/sql/inputs";
import { deleteSaved, updateSaved } from "@/lib/sql/saved";

export const dynamic = "force-dynamic";

type Params = { id: string };

/** Each user changes only their own saved queries (another user's id answers 404). */
export const PUT = mutatingRoute<typeof savedQueryInputSchema._output, Params>({
  action: "sql.saved.update",
  role: "viewer",
  input: savedQueryInputSchema,
  maxBodyBytes: 256 * 1024,
  target: ({ params }) => params.id,
  run: ({ input, params, principal }) => updateSaved(principal.user, params.id, input),
});

export const DELETE = mutatingRoute<undefined, Params>({
  action: "sql.saved.delete",
  role: "viewer",
  target: ({ params }) => params.id,
  run: async ({ params, principal }) => {
    await deleteSaved(principal.user, params.id);
    return { deleted: params.id };
  },
});
