// A signed console session for the integration tests that call route handlers as a given role.
import { randomBytes } from "node:crypto";

/**
 * The cookie of a session for `role`, signed with the secret of the environment as it is now: call it after
 * stubbing the environment (and resetting the modules), as it imports the session modules then.
 */
export async function sessionCookie(role: "operator" | "viewer"): Promise<string> {
  const { signSession } = await import("@/lib/auth/sessions/session");
  const { sessionSecret } = await import("@/lib/auth/principal");
  return `lab_session=${await signSession({ u: role, r: role, exp: Date.now() + 60_000, sid: randomBytes(12).toString("hex") }, await sessionSecret())}`;
}
