import "server-only";
import { createHash } from "node:crypto";
import { config } from "../config";
import { PEER_HEADER, resolveClientAddress } from "./client-address";
import { readCookie, SESSION_COOKIE, verifySession, type Role } from "./session";

export interface Principal {
  user: string;
  role: Role;
  /** False for the implicit local operator of a loopback-only console. */
  authenticated: boolean;
}

/** The key that signs session cookies: the configured secret, or one derived from the passwords. */
export function sessionSecret(): string {
  const a = config().auth;
  return a.sessionSecret ?? createHash("sha256").update(`lab-console-session\0${a.operatorPassword ?? ""}\0${a.viewerPassword ?? ""}`).digest("hex");
}

/**
 * Who is calling. Bound to loopback only, the console needs no login and the caller is the local operator
 * (a single user on a laptop); a signed session cookie, when present, still wins so roles can be tried locally.
 */
export async function principalFrom(cookieHeader: string | null): Promise<Principal | null> {
  const session = await verifySession(readCookie(cookieHeader, SESSION_COOKIE), sessionSecret());
  if (session) return { user: session.u, role: session.r, authenticated: true };
  if (!config().auth.exposed) return { user: "local", role: "operator", authenticated: false };
  return null;
}

/** The caller's address: the socket's, or what a configured proxy forwarded (lib/auth/client-address.ts). */
export function clientAddress(headers: Headers): string | null {
  return resolveClientAddress(headers.get(PEER_HEADER), headers.get("x-forwarded-for"), config().auth.trustedProxies);
}
