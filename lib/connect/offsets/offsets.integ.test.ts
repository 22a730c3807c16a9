import { randomBytes } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { debeziumConnection } from "../../../test/debezium";
import { sessionCookie } from "@/test/session-cookie";

// Editing a connector's offsets through the console's route, against the lab's real Connect: offsets that do
// not fit the connector's own shape are refused with the field, and the stored offsets stay as they were.
const ROOT = path.resolve(import.meta.dirname, "../../..");
const run = randomBytes(3).toString("hex");
const DBZ = `security-offsets-dbz-${run}`;
const FILE = `security-offsets-file-${run}`;
const PREFIX = `security_${run}`;
const SLOT = `security_slot_${run}`;
const PUB = `security_pub_${run}`;
const PEER = "x-lab-console-peer";
const EXPOSED = { CONSOLE_HOST: "0.0.0.0", CONSOLE_OPERATOR_PASSWORD: "op-offsets-test", CONSOLE_SESSION_SECRET: "offsets-test-session-secret-0123456789" };
let connectUrl: string;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function connect(method: string, p: string, body?: unknown): Promise<{ status: number; json: unknown }> {
  const res = await fetch(`${connectUrl}${p}`, { method, headers: { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : null };
}
async function until<T>(what: string, fn: () => Promise<T | null | undefined | false>, ms = 60_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(500);
  }
}
const state = async (name: string) => ((await connect("GET", `/connectors/${name}/status`)).json as { connector?: { state: string } } | null)?.connector?.state;
const offsetsOf = async (name: string) => (await connect("GET", `/connectors/${name}/offsets`)).json as { offsets: { partition: Record<string, unknown>; offset: Record<string, unknown> }[] };

async function patchAsOperator(name: string, body: unknown): Promise<{ status: number; body: { ok: boolean; error?: { code: string; message: string } } }> {
  vi.resetModules();
  for (const [k, v] of Object.entries(EXPOSED)) vi.stubEnv(k, v);
  const cookie = await sessionCookie("operator");
  const mod = await import(/* @vite-ignore */ path.join(ROOT, "app/api/connectors/[cluster]/connectors/[name]/offsets/route.ts"));
  const req = new Request(`http://127.0.0.1:3000/api/connectors/0/connectors/${name}/offsets`, { method: "PATCH", headers: { "content-type": "application/json", cookie, [PEER]: "10.9.4.1" }, body: JSON.stringify(body) });
  const res: Response = await mod.PATCH(req, { params: Promise.resolve({ cluster: "0", name }) });
  return { status: res.status, body: await res.json() };
}

beforeAll(async () => {
  const { config } = await import("../../config");
  connectUrl = config().connect.urls[0];
  await connect("POST", "/connectors", {
    name: DBZ,
    config: {
      ...debeziumConnection(config()),
      "topic.prefix": PREFIX,
      "table.include.list": "public.categorias",
      "slot.name": SLOT,
      "publication.name": PUB,
      "publication.autocreate.mode": "filtered",
      "tasks.max": "1",
    },
  });
  await connect("POST", "/connectors", { name: FILE, config: { "connector.class": "org.apache.kafka.connect.file.FileStreamSourceConnector", "tasks.max": "1", file: `/tmp/${FILE}.txt`, topic: FILE } });
  // Debezium's snapshot of categorias writes its first offset (with lsn); then both are stopped for the edit.
  await until("Debezium's first offset", async () => (await offsetsOf(DBZ)).offsets?.some((o) => "lsn" in (o.offset ?? {})));
  for (const n of [DBZ, FILE]) {
    await until(`${n} to exist`, async () => (await state(n)) !== undefined);
    await connect("PUT", `/connectors/${n}/stop`);
    await until(`${n} STOPPED`, async () => (await state(n)) === "STOPPED");
  }
}, 180_000);

afterAll(async () => {
  for (const n of [DBZ, FILE]) await connect("DELETE", `/connectors/${n}`).catch(() => undefined);
  const { config } = await import("../../config");
  const pgc = config().postgres;
  const client = new pg.Client({ host: pgc.host, port: pgc.port, user: pgc.user, password: pgc.password, database: pgc.oltpDatabase });
  await client.connect();
  try {
    await until("the slot to be released", async () => (await client.query("SELECT active FROM pg_replication_slots WHERE slot_name = $1", [SLOT])).rows.every((r) => !r.active), 30_000).catch(() => undefined);
    await client.query("SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = $1", [SLOT]);
    await client.query(`DROP PUBLICATION IF EXISTS ${client.escapeIdentifier(PUB)}`);
  } finally {
    await client.end();
  }
  const { withAdmin } = await import("../../kafka/admin");
  await withAdmin("clean up", async (admin) => {
    const mine = (await admin.listTopics()).filter((t) => t.startsWith(`${PREFIX}.`) || t === FILE);
    if (mine.length) await admin.deleteTopics({ topics: mine });
  }).catch(() => undefined);
  vi.unstubAllEnvs();
}, 120_000);

describe("altering offsets", () => {
  it("refuses garbage Debezium offsets with 422 naming lsn, and the stored offsets are unchanged", async () => {
    const before = await offsetsOf(DBZ);
    const res = await patchAsOperator(DBZ, { offsets: [{ partition: { server: PREFIX }, offset: { lsn: "garbage", txId: "x" } }] });
    expect(res.status).toBe(422);
    expect(res.body.error?.code).toBe("invalid_offsets");
    expect(res.body.error?.message).toContain("offsets[0].offset.lsn");
    expect(await offsetsOf(DBZ)).toEqual(before);
  });

  it("still accepts Debezium offsets of the connector's own shape", async () => {
    const current = (await offsetsOf(DBZ)).offsets[0];
    const res = await patchAsOperator(DBZ, { offsets: [current] });
    expect(res.status).toBe(200);
    expect(res.body.ok).toBe(true);
  });

  it("refuses FileStream offsets whose position is not a number with 422, not Connect's 5xx", async () => {
    const res = await patchAsOperator(FILE, { offsets: [{ partition: { filename: `/tmp/${FILE}.txt` }, offset: { position: "abc" } }] });
    expect(res.status).toBe(422);
    expect(res.body.error?.message).toContain("offsets[0].offset.position");
  });
});
