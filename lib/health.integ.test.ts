import { afterEach, describe, expect, it, vi } from "vitest";
import type { LabHealth } from "./shared/health-types";

// Each case loads lib/ afresh with its own environment, so config() sees the variables it sets.
async function healthWith(env: Record<string, string>): Promise<LabHealth> {
  vi.resetModules();
  for (const [k, v] of Object.entries(env)) vi.stubEnv(k, v);
  const { getLabHealth } = await import("./health");
  return getLabHealth();
}
async function freePort(): Promise<number> {
  const net = await import("node:net");
  const server = net.createServer().listen(0, "127.0.0.1");
  await new Promise((r) => server.once("listening", r));
  const port = (server.address() as { port: number }).port;
  await new Promise((r) => server.close(r));
  return port;
}
const byId = (h: LabHealth, id: string) => h.services.find((s) => s.id === id)!;

afterEach(() => vi.unstubAllEnvs());

describe("lab health against the running lab", () => {
  it("reports all five services up, with versions and response times", async () => {
    const h = await healthWith({});
    expect(h.services.map((s) => s.id)).toEqual(["postgresOltp", "postgresDw", "kafka", "connect", "s3"]);
    for (const s of h.services) {
      expect(s, s.id).toMatchObject({ up: true, failure: null, reason: null });
      expect(s.latencyMs).toBeGreaterThanOrEqual(0);
      expect(s.version, s.id).toBeTruthy();
    }
    expect(h.ok).toBe(true);
    expect(byId(h, "postgresOltp").version).toMatch(/^PostgreSQL 15/);
    expect(byId(h, "connect").version).toMatch(/^Kafka Connect 4\./);
  });

  it("names a refused connection when a service is not listening", async () => {
    const closed = await freePort();
    const h = await healthWith({ KAFKA_BROKERS: `127.0.0.1:${closed}`, CONNECT_URLS: `http://127.0.0.1:${closed}`, S3_ENDPOINT: `http://127.0.0.1:${closed}` });
    expect(h.ok).toBe(false);
    for (const id of ["kafka", "connect", "s3"]) expect(byId(h, id), id).toMatchObject({ up: false, failure: "refused" });
    expect(byId(h, "postgresOltp").up).toBe(true);
  });

  it("one configured broker or worker that does not answer makes Kafka or Connect degraded, not down, with the count", async () => {
    const closed = await freePort();
    const base = await healthWith({});
    const kafka = byId(base, "kafka").endpoint;
    const connect = byId(base, "connect").endpoint;
    const h = await healthWith({ KAFKA_BROKERS: `${kafka},127.0.0.1:${closed}`, CONNECT_URLS: `${connect}|http://127.0.0.1:${closed}` });
    expect(byId(h, "kafka")).toMatchObject({ up: true, degraded: true, members: { kind: "brokers", expected: 2, up: 1 } });
    expect(byId(h, "kafka").members!.list.find((m) => !m.up)?.endpoint).toBe(`127.0.0.1:${closed}`);
    expect(byId(h, "connect")).toMatchObject({ up: true, degraded: true, members: { kind: "workers", expected: 2, up: 1 } });
    expect(byId(h, "connect").members!.list.map((m) => m.up)).toEqual([true, false]);
    // A single broker and worker carry no members: the strip looks as it always did.
    expect(byId(base, "kafka").members).toBeUndefined();
    expect(byId(base, "connect").members).toBeUndefined();
    // Every worker of a cluster down is Connect down.
    const down = await healthWith({ CONNECT_URLS: `http://127.0.0.1:${closed}|http://127.0.0.1:${closed}` });
    expect(byId(down, "connect")).toMatchObject({ up: false, failure: "refused" });
  });

  it("says authentication failed for a wrong database password or S3 secret, without echoing them", async () => {
    const h = await healthWith({ PG_PASSWORD: "wrong-pg-pass", S3_SECRET_KEY: "wrong-s3-secret" });
    expect(byId(h, "postgresOltp")).toMatchObject({ up: false, failure: "auth" });
    expect(byId(h, "s3")).toMatchObject({ up: false, failure: "auth" });
    const json = JSON.stringify(h);
    expect(json).not.toContain("wrong-pg-pass");
    expect(json).not.toContain("wrong-s3-secret");
  });

  it("says the database is missing when the configured one does not exist", async () => {
    const h = await healthWith({ PG_DW_DB: "no_such_db" });
    expect(byId(h, "postgresDw")).toMatchObject({ up: false, failure: "missing" });
    expect(byId(h, "postgresDw").reason).toContain("no_such_db");
  });

  it("times out instead of hanging on a silent endpoint", async () => {
    // A listening socket that never answers: accept, then say nothing.
    const net = await import("node:net");
    const server = net.createServer(() => undefined).listen(0, "127.0.0.1");
    await new Promise((r) => server.once("listening", r));
    const port = (server.address() as { port: number }).port;
    try {
      const started = Date.now();
      const h = await healthWith({ CONNECT_URLS: `http://127.0.0.1:${port}`, HEALTH_TIMEOUT_MS: "500" });
      expect(byId(h, "connect")).toMatchObject({ up: false, failure: "timeout" });
      expect(Date.now() - started).toBeLessThan(5000);
    } finally {
      server.close();
    }
  });
});
