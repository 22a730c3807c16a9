import "server-only";
import { randomBytes } from "node:crypto";
import { NextResponse } from "next/server";
import { z } from "zod";
import { writeAudit } from "../../audit";
import { config } from "../../config";
import { AppError } from "../../errors";
import { errorResponse } from "../../http/contract";
import { isCrossSite } from "../guard";
import { ACCOUNT_NAMES, checkPassword } from "./passwords";
import { clientAddress, sessionFrom, sessionSecret } from "../principal";
import { revokeSession } from "../sessions/session-store";
import { clearLoginFailures, loginRetryAfter, recordLoginFailure } from "./rate-limit";
import { ROLES, type Role } from "../shared/principal";
import { SESSION_COOKIE, signSession } from "../sessions/session";

export const loginInput = z.object({ user: z.string().trim().min(1).max(64), password: z.string().min(1).max(256) });

// One message for an unknown user and a wrong password alike.
const BAD_LOGIN = "Wrong user or password.";

function cookieFlags(req: Request): string {
  const secure = new URL(req.url).protocol === "https:" || req.headers.get("x-forwarded-proto") === "https";
  return `Path=/; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`;
}


/** POST /api/auth/login — not behind the guard (nobody is signed in yet) but rate-limited and audited. */
export async function handleLogin(req: Request): Promise<Response> {
  const started = performance.now();
  const client = clientAddress(req.headers) ?? "unknown";
  const audit = (user: string, role: string, outcome: "ok" | "refused" | "error", e: AppError | null) =>
    writeAudit({ actor: user, role, clientIp: client, action: "auth.login", target: user, params: { user }, outcome, error: e?.message ?? null, errorCode: e?.code ?? null, errorParams: e?.params ?? null, durationMs: performance.now() - started });
  const refuse = async (user: string, e: AppError) => {
    await audit(user, "none", "refused", e);
    return errorResponse(e);
  };

  if (isCrossSite(req)) return refuse("anonymous", new AppError(403, "cross_site", "Cross-site sign-in refused: sign in from the console's own login page.", "console", { params: { action: "auth.login" } }));
  let body: unknown;
  try {
    body = await req.json();
  } catch {
    body = null;
  }
  const parsed = loginInput.safeParse(body);
  if (!parsed.success) return errorResponse(new AppError(422, "invalid_input", "Send a user and a password.", "console"));
  const { user, password } = parsed.data;
  const a = config().auth;
  const role = ROLES.find((r) => ACCOUNT_NAMES[r] === user.toLowerCase()) as Role | undefined;
  // Per account only for real accounts: made-up names would only fill the table.
  const account = role ? ACCOUNT_NAMES[role] : null;
  const wait = loginRetryAfter(client, account);
  if (wait > 0) return refuse(user, new AppError(429, "rate_limited", `Too many failed sign-ins from this address or for this user; try again in ${wait} s.`, "console", { params: { seconds: wait }, retryAfter: wait }));

  const configured = role === "operator" ? a.operatorPassword : role === "viewer" ? a.viewerPassword : null;
  // checkPassword does the same work for an unknown user as for a known one (similar timing).
  const ok = checkPassword(password, configured);
  if (!ok || !role) {
    recordLoginFailure(client, account);
    return refuse(user, new AppError(401, "bad_credentials", BAD_LOGIN, "console"));
  }
  clearLoginFailures(client, account);
  const maxAge = Math.round(a.sessionHours * 3600);
  let secret: string;
  try {
    secret = await sessionSecret();
  } catch (e) {
    const err = e instanceof AppError ? e : new AppError(503, "session_key_unavailable", (e as Error).message, "console");
    await audit(ACCOUNT_NAMES[role], role, "error", err);
    return errorResponse(err);
  }
  const token = await signSession({ u: ACCOUNT_NAMES[role], r: role, exp: Date.now() + maxAge * 1000, sid: randomBytes(18).toString("base64url") }, secret);
  await audit(ACCOUNT_NAMES[role], role, "ok", null);
  return NextResponse.json(
    { ok: true, data: { user: ACCOUNT_NAMES[role], role } },
    { headers: { "Cache-Control": "no-store", "Set-Cookie": `${SESSION_COOKIE}=${token}; Max-Age=${maxAge}; ${cookieFlags(req)}` } },
  );
}

/** Sign-out: the session is revoked (not only the cookie cleared), so a copy of the cookie is worthless. */
export async function handleLogout(req: Request): Promise<Response> {
  const session = await sessionFrom(req.headers.get("cookie"));
  if (session) await revokeSession(session.sid, session.exp);
  return NextResponse.json({ ok: true, data: null }, { headers: { "Cache-Control": "no-store", "Set-Cookie": `${SESSION_COOKIE}=; Max-Age=0; ${cookieFlags(req)}` } });
}
