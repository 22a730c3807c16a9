import "server-only";
import { randomBytes, scryptSync, timingSafeEqual } from "node:crypto";
import type { Role } from "../shared/principal";

// A configured password is either a plain secret or "scrypt$<salt b64>$<hash b64>" (npm run hash-password).
const SCRYPT = { N: 16384, r: 8, p: 1, keylen: 32 };

export function hashPassword(password: string, salt = randomBytes(16)): string {
  const hash = scryptSync(password, salt, SCRYPT.keylen, { N: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p });
  return `scrypt$${salt.toString("base64")}$${hash.toString("base64")}`;
}

/**
 * Constant-work check: every attempt runs one scrypt and one timing-safe compare, whether the user exists,
 * the password is configured as a hash or as plain text, so timing tells nothing about which was wrong.
 */
export function checkPassword(attempt: string, configured: string | null): boolean {
  let salt: Buffer;
  let expected: Buffer;
  if (configured?.startsWith("scrypt$")) {
    const [, s, h] = configured.split("$");
    salt = Buffer.from(s ?? "", "base64");
    expected = Buffer.from(h ?? "", "base64");
  } else {
    salt = Buffer.from("lab-console-plain-secret-salt");
    expected = scryptSync(configured ?? randomBytes(16).toString("hex"), salt, SCRYPT.keylen, SCRYPT);
  }
  const got = scryptSync(attempt, salt, SCRYPT.keylen, SCRYPT);
  const same = got.length === expected.length && timingSafeEqual(got, expected);
  return same && configured !== null;
}

export const ACCOUNT_NAMES: Record<Role, string> = { operator: "operator", viewer: "viewer" };
