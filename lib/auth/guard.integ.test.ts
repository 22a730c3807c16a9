import { readFileSync } from "node:fs";
import path from "node:path";
import { ROOT, routeFiles } from "@/test/routes";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { sessionCookie } from "@/test/session-cookie";

// Every mutating route handler under app/api (the server actions of app/actions are proved in actions.integ.test.ts
// over the same guard). These tests find them all on disk, so a new handler that skips the guard fails here.
const MUTATING = ["POST", "PUT", "PATCH", "DELETE"] as const;
// Sign-in cannot require a session; it is rate-limited and audited by itself (lib/auth/login/login.ts).
const UNGUARDED_BY_DESIGN = new Set(["app/api/auth/login/route.ts:POST"]);

/** Fills every dynamic segment ([name], [...path]) with a value that names nothing real. */
function paramsFor(file: string): Record<string, string | string[]> {
  const params: Record<string, string | string[]> = {};
  for (const m of path.relative(ROOT, file).matchAll(/\[(\.\.\.)?([^\]]+)\]/g)) params[m[2]] = m[1] ? ["guard-test-none"] : "guard-test-none";
  return params;
}

interface Entry {
  id: string;
  file: string;
  method: (typeof MUTATING)[number];
}

function mutatingEntries(): Entry[] {
  const out: Entry[] = [];
  for (const file of routeFiles()) {
    const src = readFileSync(file, "utf8");
    for (const method of MUTATING) {
      if (new RegExp(`export\\s+(const|async function|function)\\s+${method}\\b|export\\s*\\{[^}]*\\b${method}\\b`).test(src)) {
        out.push({ id: `${path.relative(ROOT, file)}:${method}`, file, method });
      }
    }
  }
  return out;
}

async function load(env: Record<string, string>) {
  vi.resetModules();
  for (const [k, v] of Object.entries(env)) vi.stubEnv(k, v);
  const { GUARDED } = await import("./guard");
  const { db } = await import("../db");
  return { GUARDED, cookie: sessionCookie, db };
}

async function call(entry: Entry, cookie: string | null, body = "{}") {
  const mod = (await import(/* @vite-ignore */ entry.file)) as Record<string, (req: Request, ctx: unknown) => Promise<Response>>;
  const headers: Record<string, string> = { "content-type": "application/json", [PEER]: "10.9.8.7" };
  if (cookie) headers.cookie = cookie;
  const req = new Request(`http://127.0.0.1:3000/${path.relative(ROOT, entry.file)}`, { method: entry.method, headers, body });
  return mod[entry.method](req, { params: Promise.resolve(paramsFor(entry.file)) });
}

// The header the console's server stamps with the socket's address (lib/http/node-server.ts).
const PEER = "x-lab-console-peer";
const EXPOSED = { CONSOLE_HOST: "0.0.0.0", CONSOLE_OPERATOR_PASSWORD: "op-guard-test", CONSOLE_VIEWER_PASSWORD: "viewer-guard-test", CONSOLE_SESSION_SECRET: "guard-test-session-secret-0123456789" };
const entries = mutatingEntries();
let since: Date;

beforeAll(() => {
  since = new Date();
});
afterEach(() => vi.unstubAllEnvs());
afterAll(async () => {
  const { db } = await load({});
  await db().auditEntry.deleteMany({ where: { clientIp: "10.9.8.7" } });
});

describe("the role guard on every mutating entry point", () => {
  it("finds the mutating handlers (the enumeration itself works)", () => {
    expect(entries.map((e) => e.id)).toContain("app/api/auth/logout/route.ts:POST");
    expect(entries.length).toBeGreaterThan(1);
  });

  it("every mutating export is built with mutatingRoute", async () => {
    const { GUARDED } = await load({});
    const unguarded: string[] = [];
    for (const e of entries) {
      if (UNGUARDED_BY_DESIGN.has(e.id)) continue;
      const mod = (await import(/* @vite-ignore */ e.file)) as Record<string, unknown>;
      if (!(mod[e.method] as Record<symbol, unknown>)?.[GUARDED]) unguarded.push(e.id);
    }
    expect(unguarded).toEqual([]);
  });

  it("refuses a viewer with 403 on each mutation, changes nothing, and audits the refusal", async () => {
    const { cookie, db } = await load(EXPOSED);
    const viewer = await cookie("viewer");
    // Operations a viewer may do by design (sign out; run read-only SQL and keep their own saved queries) are
    // marked `role: "viewer"` on the handler; every other one must refuse.
    const operatorOnly: Entry[] = [];
    for (const e of entries) {
      if (UNGUARDED_BY_DESIGN.has(e.id)) continue;
      const mod = (await import(/* @vite-ignore */ e.file)) as Record<string, { role?: string }>;
      if (mod[e.method]?.role === "viewer") continue;
      operatorOnly.push(e);
      const res = await call(e, viewer);
      expect(res.status, e.id).toBe(403);
      const body = await res.json();
      expect(body, e.id).toMatchObject({ ok: false, error: { code: "forbidden" } });
    }
    expect(operatorOnly.length).toBeGreaterThan(20);
    const refused = await db().auditEntry.findMany({ where: { clientIp: "10.9.8.7", outcome: "refused", role: "viewer", at: { gte: since } } });
    const guardedCount = operatorOnly.length;
    expect(refused.length).toBeGreaterThanOrEqual(guardedCount);
  });

  it("refuses unauthenticated calls with 401 when the console is exposed", async () => {
    await load(EXPOSED);
    for (const e of entries) {
      if (UNGUARDED_BY_DESIGN.has(e.id)) continue;
      const res = await call(e, null);
      expect(res.status, e.id).toBe(401);
    }
  });

  it("lets an operator through the guard on each mutation (validation or the action itself answers), audited", async () => {
    const { cookie, db } = await load(EXPOSED);
    for (const e of entries) {
      if (UNGUARDED_BY_DESIGN.has(e.id)) continue;
      // A session each: sign-out (one of the entries) revokes the session it is called with.
      const operator = await cookie("operator");
      // A malformed body: handlers with input stop at validation (422), the rest act on "guard-test-none",
      // which names nothing — so this test changes nothing in the lab.
      const res = await call(e, operator, "{not json");
      expect([401, 403], e.id).not.toContain(res.status);
    }
    const audited = await db().auditEntry.findMany({ where: { clientIp: "10.9.8.7", role: "operator", at: { gte: since } } });
    expect(audited.length).toBeGreaterThanOrEqual(entries.length - UNGUARDED_BY_DESIGN.size);
    for (const a of audited) expect(a.durationMs).toBeGreaterThanOrEqual(0);
  });

  it("refuses a cross-site request even from an operator or the local operator (CSRF)", async () => {
    const { cookie } = await load({ CONSOLE_HOST: "127.0.0.1" });
    const operator = await cookie("operator");
    const mod = await import(/* @vite-ignore */ path.join(ROOT, "app/api/auth/logout/route.ts"));
    const variants: Record<string, string>[] = [{ origin: "http://evil.example", host: "127.0.0.1:3000" }, { "sec-fetch-site": "cross-site", host: "127.0.0.1:3000" }, { origin: "null", host: "127.0.0.1:3000" }];
    for (const headers of variants) {
      const req = new Request("http://127.0.0.1:3000/api/auth/logout", { method: "POST", headers: { ...headers, cookie: operator, [PEER]: "10.9.8.7" } });
      const res = await mod.POST(req, { params: Promise.resolve({}) });
      expect(res.status, JSON.stringify(headers)).toBe(403);
      expect((await res.json()).error.code).toBe("cross_site");
    }
    const same = new Request("http://127.0.0.1:3000/api/auth/logout", { method: "POST", headers: { origin: "http://127.0.0.1:3000", host: "127.0.0.1:3000", "sec-fetch-site": "same-origin", [PEER]: "10.9.8.7" } });
    expect((await mod.POST(same, { params: Promise.resolve({}) })).status).toBe(200);
  });

  it("on a loopback-only console the caller is the local operator, without login", async () => {
    const { db } = await load({ CONSOLE_HOST: "127.0.0.1" });
    const logout = entries.find((e) => e.id === "app/api/auth/logout/route.ts:POST")!;
    const res = await call(logout, null);
    expect(res.status).toBe(200);
    const last = await db().auditEntry.findFirst({ where: { clientIp: "10.9.8.7", action: "auth.logout" }, orderBy: { id: "desc" } });
    expect(last).toMatchObject({ actor: "local", role: "operator", outcome: "ok" });
  });
});

describe("sign-in", () => {
  async function login(user: string, password: string, ip = "10.9.8.7") {
    const { handleLogin } = await import("./login/login");
    return handleLogin(new Request("http://127.0.0.1:3000/api/auth/login", { method: "POST", headers: { "content-type": "application/json", [PEER]: ip }, body: JSON.stringify({ user, password }) }));
  }

  it("sets a signed httpOnly SameSite cookie for the right password, with the role in it", async () => {
    await load(EXPOSED);
    const res = await login("viewer", "viewer-guard-test");
    expect(res.status).toBe(200);
    const setCookie = res.headers.get("set-cookie") ?? "";
    expect(setCookie).toMatch(/^lab_session=[^;]+\.[^;]+; Max-Age=\d+; Path=\/; HttpOnly; SameSite=Lax/);
    expect(await res.json()).toEqual({ ok: true, data: { user: "viewer", role: "viewer" } });
  });

  it("answers a wrong password and an unknown user with the same generic message, then rate-limits", async () => {
    await load(EXPOSED);
    const ip = "10.9.8.7";
    const wrong = await login("operator", "nope", ip);
    const unknown = await login("mallory", "nope", ip);
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect((await wrong.json()).error.message).toBe((await unknown.json()).error.message);
    for (let i = 0; i < 3; i++) await login("operator", "nope", ip);
    const limited = await login("operator", "op-guard-test", ip);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    // Another client is not affected.
    expect((await login("operator", "op-guard-test", "10.9.8.6")).status).toBe(200);
  });

  it("is not fooled by a different X-Forwarded-For on every attempt: the socket's address is limited", async () => {
    await load(EXPOSED);
    const { handleLogin } = await import("./login/login");
    const attempt = (password: string, i: number) =>
      handleLogin(new Request("http://127.0.0.1:3000/api/auth/login", { method: "POST", headers: { "content-type": "application/json", [PEER]: "10.9.8.4", "x-forwarded-for": `198.51.100.${i}` }, body: JSON.stringify({ user: "viewer", password }) }));
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) statuses.push((await attempt("nope", i)).status);
    expect(statuses).toContain(429);
    // And the right password with yet another spoofed header does not get in while the address is limited.
    expect((await attempt("viewer-guard-test", 99)).status).toBe(429);
  });

  it("limits per user as well: failures for one account from many addresses lock that account for a while", async () => {
    await load(EXPOSED);
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) statuses.push((await login("operator", "nope", `10.9.7.${i}`)).status);
    expect(statuses.slice(0, 5).every((s) => s === 401)).toBe(true);
    expect(statuses).toContain(429);
    const fresh = await login("operator", "op-guard-test", "10.9.7.200");
    expect(fresh.status).toBe(429);
    expect((await fresh.json()).error.code).toBe("rate_limited");
    // The other account is not affected.
    expect((await login("viewer", "viewer-guard-test", "10.9.7.201")).status).toBe(200);
  });

  it("audits a refused cross-site sign-in", async () => {
    const { db } = await load(EXPOSED);
    const { handleLogin } = await import("./login/login");
    const res = await handleLogin(new Request("http://127.0.0.1:3000/api/auth/login", { method: "POST", headers: { "content-type": "application/json", origin: "http://evil.example", host: "127.0.0.1:3000", [PEER]: "10.9.8.3" }, body: JSON.stringify({ user: "operator", password: "op-guard-test" }) }));
    expect(res.status).toBe(403);
    const row = await db().auditEntry.findFirst({ where: { clientIp: "10.9.8.3", action: "auth.login" }, orderBy: { id: "desc" } });
    expect(row).toMatchObject({ outcome: "refused" });
    expect(row?.error).toMatch(/cross.site/i);
    await db().auditEntry.deleteMany({ where: { clientIp: "10.9.8.3" } });
  });

  it("never writes a password into the audit log", async () => {
    const { db } = await load(EXPOSED);
    await login("operator", "op-guard-test", "10.9.8.5");
    const rows = await db().auditEntry.findMany({ where: { action: "auth.login", at: { gte: since } } });
    expect(rows.length).toBeGreaterThan(0);
    const dump = JSON.stringify(rows, (_k, v) => (typeof v === "bigint" ? v.toString() : v));
    expect(dump).not.toContain("op-guard-test");
    expect(dump).not.toContain("viewer-guard-test");
    await db().auditEntry.deleteMany({ where: { clientIp: { in: ["10.9.8.5", "10.9.8.6", "10.9.8.4"] } } });
    await db().auditEntry.deleteMany({ where: { clientIp: { startsWith: "10.9.7." } } });
  });
});
