// Debezium captures the streaming generator's people: a temporary connector (its own name, slot,
// publication and topic prefix) on the lab's Kafka Connect, removed with its slot, publication and topics.
import { Kafka, logLevel } from "kafkajs";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readLabEndpoints, resolveConfig } from "../../config-core";
import { connectionOptions } from "../../pg/client";
import { runGenerator } from "./engine";
import { startParams } from "../shared/params";
import { Progress } from "./progress";

const cfg = resolveConfig(process.env, readLabEndpoints());
const connect = cfg.connect.urls[0];
const stamp = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
const name = `generators-test-${stamp}`;
const slot = `generators_test_${stamp}`;
const publication = `generators_test_pub_${stamp}`;
const prefix = `generatorstest${stamp}`;
const topic = `${prefix}.public.pessoas`;
const kafka = new Kafka({ clientId: `generators-test-${stamp}`, brokers: cfg.kafka.brokers, logLevel: logLevel.NOTHING });

let pool: pg.Pool;

/** Polls `read` until `ok` holds (hooks cannot use expect.poll); throws with the last value after `timeoutMs`. */
async function waitFor<T>(what: string, read: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 60_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await read();
    if (ok(v)) return v;
    if (Date.now() > until) throw new Error(`Timed out waiting for ${what}; last value: ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

async function connectorState(): Promise<string> {
  const res = await fetch(`${connect}/connectors/${name}/status`);
  if (!res.ok) return `HTTP ${res.status}`;
  const body = (await res.json()) as { connector: { state: string }; tasks: Array<{ state: string; trace?: string }> };
  const task = body.tasks[0];
  return task?.state === "FAILED" ? `FAILED: ${task.trace?.split("\n")[0]}` : `${body.connector.state}/${task?.state ?? "no task"}`;
}

async function slotActive(): Promise<boolean | null> {
  const res = await pool.query<{ active: boolean }>("SELECT active FROM pg_replication_slots WHERE slot_name = $1", [slot]);
  return res.rows[0]?.active ?? null;
}

beforeAll(async () => {
  pool = new pg.Pool({ ...connectionOptions("oltp"), max: 4 });
  const res = await fetch(`${connect}/connectors`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({
      name,
      config: {
        "connector.class": "io.debezium.connector.postgresql.PostgresConnector",
        "database.hostname": "127.0.0.1",
        "database.port": String(cfg.postgres.port),
        "database.user": cfg.postgres.user,
        "database.password": cfg.postgres.password,
        "database.dbname": cfg.postgres.oltpDatabase,
        "table.include.list": "public.pessoas",
        "topic.prefix": prefix,
        "plugin.name": "pgoutput",
        "slot.name": slot,
        "publication.name": publication,
        "publication.autocreate.mode": "filtered",
        // only changes from now on: the test needs the generator's people, not a snapshot of everyone
        "snapshot.mode": "no_data",
        "key.converter": "org.apache.kafka.connect.json.JsonConverter",
        "key.converter.schemas.enable": "false",
        "value.converter": "org.apache.kafka.connect.json.JsonConverter",
        "value.converter.schemas.enable": "false",
      },
    }),
  });
  expect(res.status, await res.text()).toBe(201);
  await waitFor("the connector and its task to run", connectorState, (s) => s === "RUNNING/RUNNING");
  // streaming has begun once the slot exists and is in use: changes committed after this are captured
  await waitFor("the replication slot to be active", slotActive, (a) => a === true);
});

afterAll(async () => {
  await fetch(`${connect}/connectors/${name}`, { method: "DELETE" }).catch(() => undefined);
  await waitFor("the replication slot to be released", slotActive, (a) => a !== true).catch(() => undefined);
  await pool.query("SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = $1", [slot]);
  await pool.query(`DROP PUBLICATION IF EXISTS "${publication}"`);
  await pool.end();
  const admin = kafka.admin();
  await admin.connect();
  try {
    const mine = (await admin.listTopics()).filter((t) => t.startsWith(prefix));
    if (mine.length) await admin.deleteTopics({ topics: mine });
    await admin.deleteGroups([`generators-test-${stamp}`]).catch(() => undefined);
  } finally {
    await admin.disconnect();
  }
});

describe("Debezium and the streaming generator", () => {
  it("captures every person the streaming generator inserts, as op c events", async () => {
    const inserted: number[] = [];
    await runGenerator(startParams.parse({ generator: "streaming", rate: null, orders: 30, batchSize: 10 }), {
      pool,
      signal: new AbortController().signal,
      progress: new Progress(),
      seed: 2024,
      observe: { pessoasInserted: (ids) => inserted.push(...ids) },
    });
    expect(inserted).toHaveLength(30);

    const admin = kafka.admin();
    await admin.connect();
    await expect.poll(async () => (await admin.listTopics()).includes(topic), { timeout: 60_000, interval: 500 }).toBe(true);
    await admin.disconnect();

    const captured = new Map<number, string>();
    const consumer = kafka.consumer({ groupId: `generators-test-${stamp}` });
    await consumer.connect();
    try {
      await consumer.subscribe({ topic, fromBeginning: true });
      await consumer.run({
        eachMessage: async ({ message }) => {
          const event = message.value ? (JSON.parse(message.value.toString()) as { op: string; after: { id: number } | null }) : null;
          if (event?.after) captured.set(Number(event.after.id), event.op);
        },
      });
      await expect.poll(() => inserted.filter((id) => captured.get(id) === "c").length, { timeout: 60_000, interval: 500 }).toBe(30);
    } finally {
      await consumer.disconnect();
    }
  }, 120_000);
});
