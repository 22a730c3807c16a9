import "server-only";
import { config } from "../config";
import { PEER_HEADER, resolveClientAddress } from "./request/client-address";
import type { Principal } from "./shared/principal";
import { readCookie, SESSION_COOKIE, verifySession, type SessionPayload } from "./sessions/session";
import { isRevoked, storedSessionKey } from "./sessions/session-store";

/**
 * The key that signs session cookies: CONSOLE_SESSION_SECRET, or a random key kept in the console's database
 * (never derived from the passwords: anyone who knew them could forge an operator's cookie).
 */
export async function sessionSecret(): Promise<string> {
  return config().auth.sessionSecret ?? storedSessionKey();
}

/** The valid, not signed-out session of a Cookie header, or null. */
export async function sessionFrom(cookieHeader: string | null): Promise<SessionPayload | null> {
  const token = readCookie(cookieHeader, SESSION_COOKIE);
  if (!token) return null;
  let secret: string;
  try {
    secret = await sessionSecret();
  } catch {
    return null; // no key (console database down, no CONSOLE_SESSION_SECRET): nobody is signed in
  }
  const session = await verifySession(token, secret);
  if (!session || (await isRevoked(session.sid))) return null;
  return session;
}

/**
 * Who is calling. Bound to loopback only, the console needs no login and the caller is the local operator
 * (a single user on a laptop); a signed session cookie, when present, still wins so roles can be tried locally.
 */
export async function principalFrom(cookieHeader: string | null): Promise<Principal | null> {
  const session = await sessionFrom(cookieHeader);
  if (session) return { user: session.u, role: session.r, authenticated: true };
  if (!config().auth.exposed) return { user: "local", role: "operator", authenticated: false };
  return null;
}

/** The caller's address: the socket's, or what a configured proxy forwarded (lib/auth/request/client-address.ts). */
export function clientAddress(headers: Headers): string | null {
  return resolveClientAddress(headers.get(PEER_HEADER), headers.get("x-forwarded-for"), config().auth.trustedProxies);
}
