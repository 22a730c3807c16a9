import { randomBytes } from "node:crypto";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { sessionCookie } from "@/test/session-cookie";

// A viewer reading Kafka Connect's own config topic must not see the connectors' secrets, nor Connect's session
// key: through the message browser's route handler, against the real lab.
const ROOT = path.resolve(import.meta.dirname, "../../..");
const run = randomBytes(4).toString("hex");
const NAME = `security-secrets-${run}`;
const PASSWORD = `security-pw-${run}`;
const S3_SECRET = `security-s3-${run}`;
const CONFIG_TOPIC = "debezium_configs";
const EXPOSED = { CONSOLE_HOST: "0.0.0.0", CONSOLE_OPERATOR_PASSWORD: "op-secrets-test", CONSOLE_VIEWER_PASSWORD: "viewer-secrets-test", CONSOLE_SESSION_SECRET: "secrets-test-session-secret-0123456789" };

let connectUrl: string;

async function connect(method: string, p: string, body?: unknown) {
  const res = await fetch(`${connectUrl}${p}`, { method, headers: { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
  if (!res.ok && res.status !== 404) throw new Error(`${method} ${p}: ${res.status} ${await res.text()}`);
  return res;
}

async function readAsViewer(topic: string, query: string): Promise<{ status: number; text: string }> {
  vi.resetModules();
  for (const [k, v] of Object.entries(EXPOSED)) vi.stubEnv(k, v);
  const cookie = await sessionCookie("viewer");
  const mod = await import(/* @vite-ignore */ path.join(ROOT, "app/api/topics/[topic]/messages/route.ts"));
  const res: Response = await mod.GET(new Request(`http://127.0.0.1:3000/api/topics/${topic}/messages?${query}`, { headers: { cookie } }), { params: Promise.resolve({ topic }) });
  return { status: res.status, text: await res.text() };
}

beforeAll(async () => {
  const { config } = await import("../../config");
  connectUrl = config().connect.urls[0];
  // A FileStream source with secrets in its config (the connector ignores the extra keys; Connect stores them).
  await connect("POST", "/connectors", {
    name: NAME,
    config: {
      "connector.class": "org.apache.kafka.connect.file.FileStreamSourceConnector",
      "tasks.max": "1",
      file: `/tmp/${NAME}.txt`,
      topic: NAME,
      "database.password": PASSWORD,
      "aws.secret.access.key": S3_SECRET,
    },
  });
});

afterAll(async () => {
  await connect("DELETE", `/connectors/${NAME}`).catch(() => undefined);
  vi.unstubAllEnvs();
});

describe("secrets in Kafka messages", () => {
  it("masks connector passwords and S3 secrets in Connect's config topic, as a viewer sees it", async () => {
    // Connect writes the connector's config record (and, once its task starts, the task's) to the config topic.
    let page = { status: 0, text: "" };
    for (let i = 0; i < 40; i++) {
      page = await readAsViewer(CONFIG_TOPIC, "from=latest&limit=100");
      if (page.text.includes(NAME)) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(page.status).toBe(200);
    expect(page.text).toContain(NAME);
    expect(page.text).not.toContain(PASSWORD);
    expect(page.text).not.toContain(S3_SECRET);
    expect(page.text).toContain("********");
  });

  it("masks them in the live tail too (what the tail page shows and exports)", async () => {
    vi.resetModules();
    for (const [k, v] of Object.entries({ ...EXPOSED, TAIL_IDLE_CLOSE_MS: "0" })) vi.stubEnv(k, v);
    const { SseReader } = await import("@/test/sse-test-client");
    const mod = await import(/* @vite-ignore */ path.join(ROOT, "app/api/topics/[topic]/tail/route.ts"));
    const abort = new AbortController();
    const res: Response = await mod.GET(new Request(`http://127.0.0.1:3000/api/topics/${CONFIG_TOPIC}/tail`, { signal: abort.signal }), { params: Promise.resolve({ topic: CONFIG_TOPIC }) });
    expect(res.status).toBe(200);
    const reader = new SseReader(res.body!);
    try {
      // The backfill holds the topic's latest records, ours among them.
      const events = await reader.collect((e) => e.event === "message" && e.data.includes(NAME), 30_000);
      const text = events.map((e) => e.data).join("\n");
      expect(text).toContain(NAME);
      expect(text).not.toContain(PASSWORD);
      expect(text).not.toContain(S3_SECRET);
    } finally {
      abort.abort();
    }
  });

  it("masks Connect's session key (the key that signs its internal REST requests), over the whole topic", async () => {
    type Page = { data: { messages: { key: string | null; value: { kind: string; json?: Record<string, unknown> } }[]; after: string | null } };
    const texts: string[] = [];
    const messages: Page["data"]["messages"] = [];
    let query = "from=earliest&limit=500";
    for (let i = 0; i < 50; i++) {
      const page = await readAsViewer(CONFIG_TOPIC, query);
      expect(page.status).toBe(200);
      texts.push(page.text);
      const { data } = JSON.parse(page.text) as Page;
      messages.push(...data.messages);
      if (!data.after || data.messages.length === 0) break;
      query = `after=${encodeURIComponent(data.after)}&limit=500`;
    }
    // A distributed worker's leader writes a session key to the config topic at start (and rotates it hourly).
    const sessionKeys = messages.filter((m) => m.key === "session-key");
    expect(sessionKeys.length).toBeGreaterThan(0);
    for (const m of sessionKeys) expect(m.value.json?.key).toBe("********");
    // No secret value of any kind in clear anywhere in the topic.
    const all = texts.join("\n");
    expect(all).not.toContain(PASSWORD);
    expect(all).not.toMatch(/"(database\.password|aws\.secret\.access\.key)":"(?!\*{8})/);
  });
});
