import "server-only";
import { randomBytes } from "node:crypto";
import { db } from "../../db";
import { AppError } from "../../errors";
import { processWide } from "../../process-wide";

// The console's own session state in its database (prisma/migrations/0006_sessions).

const KEY_NAME = "session_key";
let key: Promise<string> | null = null;

/**
 * The random key that signs session cookies when CONSOLE_SESSION_SECRET is unset: made once (the first console
 * to need it wins the insert; every other one reads the same row), the same after a restart.
 */
export function storedSessionKey(): Promise<string> {
  key ??= (async () => {
    const candidate = randomBytes(32).toString("hex");
    await db().consoleSecret.createMany({ data: [{ name: KEY_NAME, value: candidate }], skipDuplicates: true });
    return (await db().consoleSecret.findUniqueOrThrow({ where: { name: KEY_NAME } })).value;
  })().catch((e: unknown) => {
    key = null;
    throw new AppError(503, "session_key_unavailable", `Sessions need the console's database (lab_console) for their signing key, and it did not answer: ${(e as Error).message}. Start PostgreSQL (npm run lab:up), or set CONSOLE_SESSION_SECRET.`, "console");
  });
  return key;
}

// Revoked here, so this process refuses them even while its database is unreachable. Pruned as they expire.
const revokedHere = processWide("auth.revokedHere", () => new Map<string, number>());

function pruneLocal(now: number): void {
  for (const [sid, exp] of revokedHere) if (exp <= now) revokedHere.delete(sid);
}

/** Sign-out: the session id is refused until the session would have expired anyway (then the row goes). */
export async function revokeSession(sid: string, expiresAtMs: number): Promise<void> {
  const now = Date.now();
  pruneLocal(now);
  if (expiresAtMs > now) revokedHere.set(sid, expiresAtMs);
  const expiresAt = new Date(expiresAtMs);
  await db().revokedSession.upsert({ where: { id: sid }, create: { id: sid, expiresAt }, update: { expiresAt } });
  await db().revokedSession.deleteMany({ where: { expiresAt: { lte: new Date(now) } } });
}

let warned = false;

/**
 * True when the session was signed out (here or by another console process). When the database does not
 * answer, only this process's own sign-outs count: a PostgreSQL outage should not sign every user out.
 */
export async function isRevoked(sid: string): Promise<boolean> {
  if (revokedHere.has(sid)) return true;
  try {
    return (await db().revokedSession.findUnique({ where: { id: sid }, select: { id: true } })) !== null;
  } catch (e) {
    if (!warned) console.warn(`[auth] cannot check signed-out sessions (console database): ${(e as Error).message}`);
    warned = true;
    return false;
  }
}
