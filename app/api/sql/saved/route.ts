import { mutatingRoute } from "@/lib/auth/guard";
import { principalFrom } from "@/lib/auth/principal";
import { AppError } from "@/lib/errors";
import { readRoute } from "@/lib/http/contract";
import { sqlOps } from "@/lib/sql/operations";
import { listSaved } from "@/lib/sql/saved";

export const dynamic = "force-dynamic";

/** The caller's own saved queries. */
export const GET = readRoute(async ({ req }) => {
  const principal = await principalFrom(req.headers.get("cookie"));
  if (!principal) throw new AppError(401, "unauthenticated", "Sign in first: this console requires a login when it is reachable from other machines.", "console");
  return { queries: await listSaved(principal.user) };
});

export const POST = mutatingRoute(sqlOps.createSaved);
