import { NextRequest } from "next/server";
import { afterEach, describe, expect, it, vi } from "vitest";

// proxy.ts is Next's middleware: every page and API request passes through it first.
async function run(env: Record<string, string>, url: string, init: { method?: string; headers?: Record<string, string> } = {}) {
  vi.resetModules();
  for (const [k, v] of Object.entries(env)) vi.stubEnv(k, v);
  const { proxy } = await import("./proxy");
  return proxy(new NextRequest(url, { method: init.method ?? "GET", headers: init.headers }));
}
const LOOPBACK = { CONSOLE_HOST: "127.0.0.1" };
afterEach(() => vi.unstubAllEnvs());

describe("proxy: Host check on a console without login (DNS rebinding)", () => {
  it("refuses a foreign Host with 421 naming CONSOLE_ALLOWED_HOSTS, for the API and for pages", async () => {
    const api = await run(LOOPBACK, "http://rebind.evil.example:3100/api/topics", { method: "POST", headers: { host: "rebind.evil.example:3100", origin: "http://rebind.evil.example:3100" } });
    expect(api.status).toBe(421);
    const body = await api.json();
    expect(body).toMatchObject({ ok: false, error: { status: 421, code: "host_not_allowed", params: { host: "rebind.evil.example" } } });
    expect(body.error.message).toContain("CONSOLE_ALLOWED_HOSTS");
    expect(body.error.message).toContain("rebind.evil.example");

    const page = await run(LOOPBACK, "http://rebind.evil.example:3100/topics", { headers: { host: "rebind.evil.example:3100" } });
    expect(page.status).toBe(421);
    expect(page.headers.get("content-type")).toMatch(/text\/html/);
    expect(await page.text()).toContain("CONSOLE_ALLOWED_HOSTS");
  });

  it("lets loopback hosts through: 127.x.y.z, localhost, [::1]", async () => {
    for (const host of ["127.0.0.1:3000", "127.1.2.3:3000", "localhost:3000", "LOCALHOST", "[::1]:3000"]) {
      const res = await run(LOOPBACK, `http://${host}/api/topics`, { headers: { host } });
      expect(res.status, host).toBe(200);
      expect(res.headers.get("x-middleware-next"), host).toBe("1");
    }
  });

  it("lets names listed in CONSOLE_ALLOWED_HOSTS through, and no others", async () => {
    const env = { ...LOOPBACK, CONSOLE_ALLOWED_HOSTS: "console.lab, Projector.local" };
    expect((await run(env, "http://console.lab:3000/", { headers: { host: "console.lab:3000" } })).status).toBe(200);
    expect((await run(env, "http://projector.local/", { headers: { host: "projector.local" } })).status).toBe(200);
    expect((await run(env, "http://other.lab/", { headers: { host: "other.lab" } })).status).toBe(421);
  });

  it("does not apply when a login is required (the session cookie is bound to the console's own name)", async () => {
    const env = { CONSOLE_HOST: "0.0.0.0", CONSOLE_OPERATOR_PASSWORD: "op-proxy-test", CONSOLE_SESSION_SECRET: "proxy-test-secret-0123456789" };
    const res = await run(env, "http://console.school.example/api/health", { headers: { host: "console.school.example" } });
    expect(res.status).toBe(200);
  });
});
