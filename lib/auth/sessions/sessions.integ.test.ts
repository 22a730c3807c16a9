import { createHash } from "node:crypto";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";

// Sessions against the console's real database (lab_console): the signing key when CONSOLE_SESSION_SECRET is
// unset, and sign-out.
const ROOT = path.resolve(import.meta.dirname, "../../..");
const PEER = "x-lab-console-peer";
const IP = "10.9.5.1";
// No CONSOLE_SESSION_SECRET: the case where the key used to be derived from the passwords.
const EXPOSED_NO_SECRET = { CONSOLE_HOST: "0.0.0.0", CONSOLE_OPERATOR_PASSWORD: "op-sessions-test", CONSOLE_VIEWER_PASSWORD: "viewer-sessions-test", CONSOLE_SESSION_SECRET: "" };

async function load(env: Record<string, string>) {
  vi.resetModules();
  for (const [k, v] of Object.entries(env)) vi.stubEnv(k, v);
  const principal = await import("../principal");
  const session = await import("./session");
  const { handleLogin } = await import("../login/login");
  const { db } = await import("../../db");
  return { ...principal, ...session, handleLogin, db };
}

async function signIn(m: Awaited<ReturnType<typeof load>>, user: string, password: string): Promise<string> {
  const res = await m.handleLogin(new Request("http://127.0.0.1:3000/api/auth/login", { method: "POST", headers: { "content-type": "application/json", [PEER]: IP }, body: JSON.stringify({ user, password }) }));
  expect(res.status).toBe(200);
  return (res.headers.get("set-cookie") ?? "").split(";")[0];
}

afterEach(() => vi.unstubAllEnvs());
afterAll(async () => {
  const { db } = await load({});
  await db().auditEntry.deleteMany({ where: { clientIp: IP } });
});

describe("session signing key without CONSOLE_SESSION_SECRET", () => {
  it("is not derived from the passwords: a cookie forged from them is refused", async () => {
    const m = await load(EXPOSED_NO_SECRET);
    const derived = createHash("sha256").update(`lab-console-session\0op-sessions-test\0viewer-sessions-test`).digest("hex");
    const forged = await m.signSession({ u: "operator", r: "operator", exp: Date.now() + 60_000, sid: "forged-session-id-0123" }, derived);
    expect(await m.principalFrom(`lab_session=${forged}`)).toBeNull();
    // The real sign-in still works.
    const cookie = await signIn(m, "operator", "op-sessions-test");
    expect(await m.principalFrom(cookie)).toMatchObject({ user: "operator", role: "operator", authenticated: true });
  });

  it("is random, kept in the console's database, and the same after a restart (a new module graph)", async () => {
    const first = await (await load(EXPOSED_NO_SECRET)).sessionSecret();
    const again = await (await load(EXPOSED_NO_SECRET)).sessionSecret();
    expect(first).toBe(again);
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    const m = await load(EXPOSED_NO_SECRET);
    const rows = await m.db().$queryRawUnsafe<{ value: string }[]>(`SELECT value FROM console_secrets WHERE name = 'session_key'`);
    expect(rows[0]?.value).toBe(first);
    // A cookie from before the "restart" is still valid.
    const cookie = await signIn(m, "viewer", "viewer-sessions-test");
    expect(await (await load(EXPOSED_NO_SECRET)).principalFrom(cookie)).toMatchObject({ role: "viewer" });
  });

  it("the configured CONSOLE_SESSION_SECRET wins when set", async () => {
    const m = await load({ ...EXPOSED_NO_SECRET, CONSOLE_SESSION_SECRET: "sessions-test-configured-secret-0123" });
    expect(await m.sessionSecret()).toBe("sessions-test-configured-secret-0123");
  });
});

describe("sign-out", () => {
  it("revokes the session: the same cookie no longer signs anyone in, in this process or another", async () => {
    const m = await load({ ...EXPOSED_NO_SECRET, CONSOLE_SESSION_SECRET: "sessions-test-configured-secret-0123" });
    const cookie = await signIn(m, "operator", "op-sessions-test");
    expect(await m.principalFrom(cookie)).not.toBeNull();
    const logout = (await import(/* @vite-ignore */ path.join(ROOT, "app/api/auth/logout/route.ts"))).POST;
    const res: Response = await logout(new Request("http://127.0.0.1:3000/api/auth/logout", { method: "POST", headers: { cookie, [PEER]: IP } }), { params: Promise.resolve({}) });
    expect(res.status).toBe(200);
    expect(await m.principalFrom(cookie)).toBeNull();
    // Another process (a fresh module graph) reads the revocation from the database.
    const other = await load({ ...EXPOSED_NO_SECRET, CONSOLE_SESSION_SECRET: "sessions-test-configured-secret-0123" });
    expect(await other.principalFrom(cookie)).toBeNull();
    // Signing in again gives a new, valid session.
    expect(await other.principalFrom(await signIn(other, "operator", "op-sessions-test"))).not.toBeNull();
  });

  it("keeps the revocation list bounded: entries go once their session would have expired anyway", async () => {
    const m = await load({ ...EXPOSED_NO_SECRET, CONSOLE_SESSION_SECRET: "sessions-test-configured-secret-0123" });
    const { revokeSession } = await import("./session-store");
    await revokeSession("security-expired-sid", Date.now() - 1000);
    await revokeSession("security-live-sid", Date.now() + 60_000);
    const rows = await m.db().$queryRawUnsafe<{ id: string }[]>(`SELECT id FROM revoked_sessions WHERE id LIKE 'security-%'`);
    expect(rows.map((r) => r.id)).toEqual(["security-live-sid"]);
    await m.db().$executeRawUnsafe(`DELETE FROM revoked_sessions WHERE id LIKE 'security-%'`);
  });
});
