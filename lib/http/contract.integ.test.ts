import { readFileSync } from "node:fs";
import path from "node:path";
import { ROOT, routeFiles } from "@/test/routes";
import { afterAll, describe, expect, it } from "vitest";
import { db } from "../db";

// The one HTTP contract, proved on every route handler found on disk: a GET answers `{ ok: true, data }` or
// `{ ok: false, error: { status, code, message, params, source } }` (health: its report, by design; streams:
// text/event-stream), and a mutating route that reads JSON answers a misspelled key and an oversized body with
// the one invalid-input answer, changing nothing.
const CLIENT = "10.7.7.7";

/** Dynamic segments filled with names that exist nowhere (a real cluster id, so Connect itself answers 404). */
function paramsFor(file: string): Record<string, string | string[]> {
  const params: Record<string, string | string[]> = {};
  for (const m of path.relative(ROOT, file).matchAll(/\[(\.\.\.)?([^\]]+)\]/g)) {
    const name = m[2]!;
    params[name] = m[1] ? ["contract-test-none"] : name === "cluster" ? "0" : name === "task" || name === "partNumber" ? "0" : "contract-test-none";
  }
  return params;
}

const files = routeFiles();
const exports = (file: string, method: string) => new RegExp(`export\\s+(const|async function|function)\\s+${method}\\b`).test(readFileSync(file, "utf8"));
const rel = (file: string) => path.relative(ROOT, file);

function request(file: string, method: string, body?: string, headers: Record<string, string> = {}) {
  return new Request(`http://127.0.0.1:3000/${rel(file).replace(/^app\//, "").replace(/\/route\.ts$/, "")}`, {
    method,
    headers: { host: "127.0.0.1:3000", "x-lab-console-peer": CLIENT, ...(body !== undefined ? { "content-type": "application/json" } : {}), ...headers },
    body,
  });
}

function expectEnvelope(body: unknown, id: string) {
  expect(body, id).toHaveProperty("ok");
  const b = body as { ok: boolean; data?: unknown; error?: Record<string, unknown> };
  if (b.ok) expect(b, id).toHaveProperty("data");
  else expect(b.error, id).toMatchObject({ status: expect.any(Number), code: expect.stringMatching(/^[a-z0-9_]+$/), message: expect.any(String), params: expect.any(Object), source: expect.any(String) });
}

afterAll(async () => {
  await db().auditEntry.deleteMany({ where: { clientIp: CLIENT } });
});

describe("every GET route answers the one contract", () => {
  const gets = files.filter((f) => exports(f, "GET"));

  it("finds the read routes", () => {
    expect(gets.map(rel)).toEqual(expect.arrayContaining(["app/api/connectors/route.ts", "app/api/lake/buckets/route.ts", "app/api/topics/route.ts", "app/api/audit/route.ts"]));
  });

  for (const file of gets) {
    it(rel(file), async () => {
      const mod = (await import(/* @vite-ignore */ file)) as { GET: (req: Request, ctx: unknown) => Promise<Response> };
      const ctrl = new AbortController();
      const req = new Request(request(file, "GET"), { signal: ctrl.signal });
      const res = await mod.GET(req, { params: Promise.resolve(paramsFor(file)) });
      const type = res.headers.get("content-type") ?? "";
      if (type.startsWith("text/event-stream")) {
        ctrl.abort();
        await res.body?.cancel();
        return;
      }
      expect(type, rel(file)).toContain("application/json");
      const body = await res.json();
      if (rel(file) === "app/api/health/route.ts") {
        expect(body).toMatchObject({ ok: expect.any(Boolean), services: expect.any(Array) });
        return;
      }
      expectEnvelope(body, rel(file));
      if (!body.ok) expect(body.error.status, rel(file)).toBe(res.status);
    });
  }

  it("names an unknown query parameter with the known one it most likely meant", async () => {
    const { GET } = await import("../../app/api/generators/runs/route");
    const res = await GET(new Request("http://127.0.0.1:3000/api/generators/runs?limt=5"), undefined);
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.error).toMatchObject({ code: "invalid_input" });
    expect(body.error.issues).toEqual([expect.objectContaining({ path: "limt", code: "unknown_key_suggest", params: expect.objectContaining({ suggestion: "limit" }) })]);
  });
});

describe("misspelled fields are refused, not ignored", () => {
  it("a generator start with `order` instead of `orders` starts nothing and names the field", async () => {
    const { POST } = await import("../../app/api/generators/start/route");
    const res = await POST(new Request("http://127.0.0.1:3000/api/generators/start", { method: "POST", headers: { host: "127.0.0.1:3000", "x-lab-console-peer": CLIENT }, body: JSON.stringify({ generator: "historical", order: 10 }) }), { params: Promise.resolve({}) });
    expect(res.status).toBe(422);
    const { error } = await res.json();
    expect(error.issues).toEqual([expect.objectContaining({ path: "order", params: expect.objectContaining({ suggestion: "orders" }) })]);
    const running = await db().generatorRun.count({ where: { status: "running", startedAt: { gte: new Date(Date.now() - 10_000) } } });
    expect(running).toBe(0);
  });

  it("a topic with `partitons` is not created with one partition", async () => {
    const { POST } = await import("../../app/api/topics/route");
    const res = await POST(new Request("http://127.0.0.1:3000/api/topics", { method: "POST", headers: { host: "127.0.0.1:3000", "x-lab-console-peer": CLIENT }, body: JSON.stringify({ name: "contract-test-partitons", partitons: 8 }) }), { params: Promise.resolve({}) });
    expect(res.status).toBe(422);
    expect((await res.json()).error.issues[0]).toMatchObject({ path: "partitons", params: { suggestion: "partitions" } });
    const { GET } = await import("../../app/api/topics/[topic]/route");
    expect((await GET(new Request("http://127.0.0.1:3000/api/topics/contract-test-partitons"), { params: Promise.resolve({ topic: "contract-test-partitons" }) })).status).toBe(404);
  });

  it("a CDC rate that would overflow Node's timers is refused with its range", async () => {
    const { POST } = await import("../../app/api/generators/start/route");
    const res = await POST(new Request("http://127.0.0.1:3000/api/generators/start", { method: "POST", headers: { host: "127.0.0.1:3000", "x-lab-console-peer": CLIENT }, body: JSON.stringify({ generator: "cdc", rate: 1e-300 }) }), { params: Promise.resolve({}) });
    expect(res.status).toBe(422);
    expect((await res.json()).error.issues[0]).toMatchObject({ path: "rate", code: "too_small_number", params: { limit: 0.01 } });
  });
});

describe("every mutating route that reads JSON refuses bad bodies with the one answer", () => {
  const mutating = files.flatMap((file) => (["POST", "PUT", "PATCH", "DELETE"] as const).filter((m) => exports(file, m)).map((method) => ({ file, method })));

  it("finds the mutating routes", () => {
    expect(mutating.length).toBeGreaterThan(20);
  });

  for (const { file, method } of mutating) {
    it(`${rel(file)} ${method}`, async () => {
      const mod = (await import(/* @vite-ignore */ file)) as Record<string, ((req: Request, ctx: unknown) => Promise<Response>) & { takesJson?: boolean }>;
      const handler = mod[method]!;
      if (!handler.takesJson) return;
      const ctx = () => ({ params: Promise.resolve(paramsFor(file)) });

      const unknownKey = await handler(request(file, method, JSON.stringify({ contractTestUnknownKey: 1 })), ctx());
      expect(unknownKey.status, `${rel(file)} unknown key`).toBe(422);
      const a = await unknownKey.json();
      expectEnvelope(a, rel(file));
      expect(a.error.code).toBe("invalid_input");
      expect(a.error.issues.length, rel(file)).toBeGreaterThan(0);

      const broken = await handler(request(file, method, '{\n  "a": 1,\n  "b" 2\n}'), ctx());
      expect(broken.status).toBe(422);
      expect((await broken.json()).error).toMatchObject({ code: "invalid_json", params: { line: 3, column: 7 } });

      const huge = await handler(request(file, method, JSON.stringify({ x: "y".repeat(2 * 1024 * 1024) })), ctx());
      expect(huge.status, `${rel(file)} huge`).toBe(413);
      expect((await huge.json()).error.code).toBe("body_too_large");
    });
  }
});

// Hostile input on every route found on disk: each answer is a 4xx with a named cause (the one envelope, a code),
// never a 5xx or a stack trace, and nothing changes (topics, buckets, connectors, generator runs as before).
describe("every route refuses hostile input with a 4xx that names the cause, changing nothing", () => {
  const HOSTILE_SEGMENTS: Record<string, string> = {
    traversal: "../../etc/passwd",
    encodedTraversal: "%2e%2e%2f%2e%2e%2fetc",
    quotes: `x'"; DROP TABLE pessoas; --`,
    unicode: "ação-🙂-\u202e-\u0000",
    huge: "x".repeat(5_000),
    negative: "-1",
    nan: "NaN",
    overflow: "1e309",
  };
  /** Bodies a JSON route must refuse whatever its schema: not an object, or keys no schema has. */
  const HOSTILE_BODIES: Record<string, string> = {
    array: "[1,2,3]",
    string: '"text"',
    number: "42",
    null: "null",
    protoKey: '{"__proto__":{"polluted":true}}',
    constructorKey: '{"constructor":{"prototype":{"polluted":true}}}',
    quotedKey: '{"a\\"; DROP TABLE x; --":1}',
    unicodeKey: '{"ação🙂":1}',
    nested: `${"[".repeat(5_000)}${"]".repeat(5_000)}`,
  };
  const hostileQueries = ["limit=NaN", "limit=-1", "limit=1e309", "limit=99999999999999999999", "from=..%2F..%2Fetc", "__proto__=1"];
  const withSegments = files.filter((f) => /\[[^\]]+\]/.test(rel(f)));
  const methodsOf = (file: string) => (["GET", "POST", "PUT", "PATCH", "DELETE"] as const).filter((m) => exports(file, m));

  async function state() {
    const { GET: topics } = await import("../../app/api/topics/route");
    const { GET: buckets } = await import("../../app/api/lake/buckets/route");
    const { GET: connectors } = await import("../../app/api/connectors/route");
    type Get = (req: Request, ctx: { params: Promise<Record<string, never>> }) => Promise<Response>;
    const read = async (h: Get, url: string) => (await (await h(new Request(url), { params: Promise.resolve({}) })).json()).data;
    const listed = (await read(connectors as Get, "http://127.0.0.1:3000/api/connectors")) as { clusters: { connectors: { name: string }[] }[] };
    return {
      topics: JSON.stringify(await read(topics as Get, "http://127.0.0.1:3000/api/topics")),
      buckets: JSON.stringify(await read(buckets as Get, "http://127.0.0.1:3000/api/lake/buckets")),
      connectors: listed.clusters.flatMap((c) => c.connectors.map((x) => x.name)).sort(),
      runs: await db().generatorRun.count(),
      uploads: await db().lakeUpload.count(),
    };
  }

  async function expectNamedRefusal(res: Response, id: string) {
    expect(res.status, id).toBeGreaterThanOrEqual(400);
    expect(res.status, id).toBeLessThan(500);
    const type = res.headers.get("content-type") ?? "";
    expect(type, id).toContain("application/json");
    const body = await res.json();
    expectEnvelope(body, id);
    expect(body.ok, id).toBe(false);
    expect(JSON.stringify(body), id).not.toMatch(/\n\s+at |node_modules|\.ts:\d+/); // no stack trace
  }

  let before: Awaited<ReturnType<typeof state>>;
  it("reads the state before", async () => {
    before = await state();
  });

  for (const file of withSegments) {
    for (const method of methodsOf(file)) {
      it(`${rel(file)} ${method} with hostile path segments`, async () => {
        const mod = (await import(/* @vite-ignore */ file)) as Record<string, (req: Request, ctx: unknown) => Promise<Response>>;
        for (const [what, value] of Object.entries(HOSTILE_SEGMENTS)) {
          const params = Object.fromEntries(Object.entries(paramsFor(file)).map(([k, v]) => [k, Array.isArray(v) ? [value] : value]));
          const body = method === "GET" || method === "DELETE" ? undefined : "{}";
          const res = await mod[method]!(request(file, method, body), { params: Promise.resolve(params) });
          if (res.headers.get("content-type")?.startsWith("text/event-stream")) throw new Error(`${rel(file)} opened a stream for a hostile segment (${what})`);
          await expectNamedRefusal(res, `${rel(file)} ${method} ${what}`);
        }
      });
    }
  }

  for (const file of files.filter((f) => exports(f, "GET") && !/\/(health|events|tail)\/route\.ts$/.test(f))) {
    it(`${rel(file)} GET with hostile query values`, async () => {
      const mod = (await import(/* @vite-ignore */ file)) as { GET: (req: Request, ctx: unknown) => Promise<Response> };
      for (const q of hostileQueries) {
        const base = request(file, "GET");
        const res = await mod.GET(new Request(`${base.url}?${q}`, { headers: base.headers }), { params: Promise.resolve(paramsFor(file)) });
        await expectNamedRefusal(res, `${rel(file)} ?${q}`);
      }
    });
  }

  for (const file of files) {
    for (const method of (["POST", "PUT", "PATCH", "DELETE"] as const).filter((m) => exports(file, m))) {
      it(`${rel(file)} ${method} with hostile bodies`, async () => {
        const mod = (await import(/* @vite-ignore */ file)) as Record<string, ((req: Request, ctx: unknown) => Promise<Response>) & { takesJson?: boolean }>;
        if (!mod[method]!.takesJson) return;
        for (const [what, body] of Object.entries(HOSTILE_BODIES)) {
          const res = await mod[method]!(request(file, method, body), { params: Promise.resolve(paramsFor(file)) });
          await expectNamedRefusal(res, `${rel(file)} ${method} ${what}`);
        }
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      });
    }
  }

  it("changed nothing", async () => {
    expect(await state()).toEqual(before);
  });
});
