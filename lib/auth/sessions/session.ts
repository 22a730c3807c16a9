// Signed session tokens for the session cookie: base64url(JSON payload) + "." + base64url(HMAC-SHA256).
// Web Crypto only, so the same code runs in route handlers and in proxy.ts.
import "server-only";
import { z } from "zod";
import { ROLES } from "../shared/principal";

export const SESSION_COOKIE = "lab_session";

// sid: a random id per sign-in, so that sign-out can revoke this session (lib/auth/sessions/session-store.ts).
const payloadSchema = z.object({ u: z.string(), r: z.enum(ROLES), exp: z.number(), sid: z.string().min(16).max(64) });
export type SessionPayload = z.infer<typeof payloadSchema>;

const enc = new TextEncoder();
const b64url = (bytes: ArrayBuffer | Uint8Array) => Buffer.from(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes)).toString("base64url");

async function hmacKey(secret: string): Promise<CryptoKey> {
  return crypto.subtle.importKey("raw", enc.encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign", "verify"]);
}

export async function signSession(payload: SessionPayload, secret: string): Promise<string> {
  const body = b64url(enc.encode(JSON.stringify(payload)));
  const sig = await crypto.subtle.sign("HMAC", await hmacKey(secret), enc.encode(body));
  return `${body}.${b64url(sig)}`;
}

/** The payload when the signature is valid and the session has not expired; null otherwise. */
export async function verifySession(token: string | undefined | null, secret: string, now = Date.now()): Promise<SessionPayload | null> {
  if (!token) return null;
  const dot = token.indexOf(".");
  if (dot < 1) return null;
  const body = token.slice(0, dot);
  const sig = Buffer.from(token.slice(dot + 1), "base64url");
  const ok = await crypto.subtle.verify("HMAC", await hmacKey(secret), sig, enc.encode(body));
  if (!ok) return null;
  try {
    const payload = payloadSchema.parse(JSON.parse(Buffer.from(body, "base64url").toString("utf8")));
    return payload.exp > now ? payload : null;
  } catch {
    return null;
  }
}

/** The value of one cookie from a Cookie header. */
export function readCookie(header: string | null, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(";")) {
    const i = part.indexOf("=");
    if (i > 0 && part.slice(0, i).trim() === name) return decodeURIComponent(part.slice(i + 1).trim());
  }
  return null;
}
