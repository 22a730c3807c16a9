import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { sessionCookie } from "@/test/session-cookie";

// Every server action (app/actions/*.ts, the UI's door to the guarded operations) goes through the same guard as
// the JSON routes: found on disk, each is called as a viewer (refused, audited) and, on an exposed console,
// without a session (refused). Next's request context is the only stand-in: `headers()` answers these headers.
const ROOT = path.resolve(import.meta.dirname, "../..");
const CLIENT = "10.6.6.6";
let requestHeaders = new Headers();
vi.mock("next/headers", () => ({ headers: async () => requestHeaders }));

const EXPOSED = { CONSOLE_HOST: "0.0.0.0", CONSOLE_OPERATOR_PASSWORD: "op-actions-test", CONSOLE_VIEWER_PASSWORD: "viewer-actions-test", CONSOLE_SESSION_SECRET: "actions-test-session-secret-0123456789" };

function actionExports(): { file: string; name: string }[] {
  const dir = path.join(ROOT, "app/actions");
  return readdirSync(dir)
    .filter((f) => f.endsWith(".ts"))
    .flatMap((f) => {
      const src = readFileSync(path.join(dir, f), "utf8");
      expect(src.startsWith('"use server";'), f).toBe(true);
      return [...src.matchAll(/export async function (\w+)\(/g)].map((m) => ({ file: path.join(dir, f), name: m[1]! }));
    });
}

async function load(env: Record<string, string>) {
  vi.resetModules();
  for (const [k, v] of Object.entries(env)) vi.stubEnv(k, v);
  const { db } = await import("../db");
  return { cookie: sessionCookie, db };
}

/** What a viewer may do by design: keep their own saved SQL queries (the lab itself is not changed). */
const VIEWER_ACTIONS = new Set(["createSavedQueryAction", "updateSavedQueryAction", "deleteSavedQueryAction"]);

/** Arguments that name nothing real, shaped like each action's parameters. */
const ARGS = ["actions-test-none", "actions-test-none", "actions-test-none"];

afterEach(() => vi.unstubAllEnvs());
afterAll(async () => {
  const { db } = await load({});
  await db().auditEntry.deleteMany({ where: { clientIp: CLIENT } });
});

describe("every server action passes through the guard", () => {
  const actions = actionExports();

  it("finds the actions of every area", () => {
    expect(actions.map((a) => a.name)).toEqual(expect.arrayContaining(["pauseConnectorAction", "createTopicAction", "deleteBucketAction", "startGeneratorAction"]));
  });

  it("refuses a viewer on each action, audited, and answers the contract's result", async () => {
    const { cookie, db } = await load(EXPOSED);
    requestHeaders = new Headers({ cookie: await cookie("viewer"), host: "127.0.0.1:3000", "x-lab-console-peer": CLIENT });
    const since = new Date();
    for (const a of actions) {
      const mod = (await import(/* @vite-ignore */ a.file)) as Record<string, (...args: unknown[]) => Promise<unknown>>;
      const result = (await mod[a.name]!({ cluster: "0", name: "actions-test-none", bucket: "actions-test-none" }, ...ARGS)) as { ok: boolean; error?: { code: string } };
      if (VIEWER_ACTIONS.has(a.name)) expect(result.error?.code, a.name).not.toBe("forbidden");
      else expect(result, a.name).toMatchObject({ ok: false, error: { status: 403, code: "forbidden" } });
    }
    const refused = await db().auditEntry.count({ where: { clientIp: CLIENT, outcome: "refused", role: "viewer", at: { gte: since } } });
    expect(refused).toBeGreaterThanOrEqual(actions.filter((a) => !VIEWER_ACTIONS.has(a.name)).length);
  });

  it("refuses a caller without a session when the console is exposed", async () => {
    await load(EXPOSED);
    requestHeaders = new Headers({ host: "127.0.0.1:3000", "x-lab-console-peer": CLIENT });
    for (const a of actions) {
      const mod = (await import(/* @vite-ignore */ a.file)) as Record<string, (...args: unknown[]) => Promise<unknown>>;
      expect(await mod[a.name]!({ cluster: "0", name: "actions-test-none" }, ...ARGS), a.name).toMatchObject({ ok: false, error: { code: "unauthenticated" } });
    }
  });

  it("refuses a cross-site call even from the local operator", async () => {
    await load({ CONSOLE_HOST: "127.0.0.1" });
    requestHeaders = new Headers({ origin: "http://evil.example", host: "127.0.0.1:3000", "x-lab-console-peer": CLIENT });
    const { createTopicAction } = await import("../../app/actions/topics");
    expect(await createTopicAction({ name: "actions-test-cross-site" })).toMatchObject({ ok: false, error: { code: "cross_site" } });
  });

  it("validates an operator's input strictly, like the route: an unknown key changes nothing", async () => {
    await load({ CONSOLE_HOST: "127.0.0.1" });
    requestHeaders = new Headers({ host: "127.0.0.1:3000", "x-lab-console-peer": CLIENT });
    const { startGeneratorAction } = await import("../../app/actions/generators");
    const result = await startGeneratorAction({ generator: "historical", order: 10 });
    expect(result).toMatchObject({ ok: false, error: { code: "invalid_input", issues: [expect.objectContaining({ path: "order", params: expect.objectContaining({ suggestion: "orders" }) })] } });
  });
});
