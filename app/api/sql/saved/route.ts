import { mutatingRoute } from "@/lib/auth/guard";
import { principalFrom } from "@/lib/auth/principal";
import { AppError } from "@/lib/errors";
import { readRoute } from "@/lib/http/contract";
import { savedQueryInputSchema } from "@/lib/sql/inputs";
import { createSaved, listSaved } from "@/lib/sql/saved";

export const dynamic = "force-dynamic";

/** The caller's own saved queries. */
export const GET = readRoute(async ({ req }) => {
  const principal = await principalFrom(req.headers.get("cookie"));
  if (!principal) throw new AppError(401, "unauthenticated", "Sign in first: this console requires a login when it is reachable from other machines.", "console");
  return { queries: await listSaved(principal.user) };
});

export const POST = mutatingRoute({
  action: "sql.saved.create",
  role: "viewer",
  input: savedQueryInputSchema,
  maxBodyBytes: 256 * 1024,
  target: ({ input }) => input.title,
  successStatus: 201,
  run: ({ input, principal }) => createSaved(principal.user, input),
});
