// What the end-to-end tests use to reach the lab directly (set up and check what a person did in the browser):
// the same configuration the console reads, one S3 client, OLTP connections, and the Connect REST API.
import pg from "pg";
import { readLabEndpoints, resolveConfig } from "../../lib/config-core";
import { debeziumConnection as labDebeziumConnection } from "../../test/debezium";
import { labS3 } from "../../test/lab-s3";
import { dropSlotWhenReleased } from "../../test/until";

export const cfg = resolveConfig(process.env, readLabEndpoints());
export const CONNECT_URL = cfg.connect.urls[0];

export const s3 = labS3(cfg);

/** A new client of the OLTP database (liga_sudoers); the caller connects and ends it. */
export function oltpClient(): pg.Client {
  const p = cfg.postgres;
  return new pg.Client({ host: p.host, port: p.port, user: p.user, password: p.password, database: p.oltpDatabase });
}

/** Runs fn with a connected OLTP client, always ending it. */
export async function withOltp<T>(fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = oltpClient();
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** One call to Kafka Connect's REST API: its status and parsed JSON body (null for 204 or non-JSON). */
export async function connectRest(method: string, path: string, body?: unknown): Promise<{ status: number; body: any }> /* eslint-disable-line @typescript-eslint/no-explicit-any -- Connect answers many shapes; specs read what they assert */ {
  const res = await fetch(`${CONNECT_URL}${path}`, { method, headers: { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: res.status, body: res.status === 204 ? null : await res.json().catch(() => null) };
}

/** The connection part of a Debezium PostgreSQL source on the lab's OLTP database, as Kafka Connect reaches it. */
export function debeziumConnection(user = cfg.postgres.user, password = cfg.postgres.password): Record<string, string> {
  return labDebeziumConnection(cfg, user, password);
}

/** The lab's S3 sink reading `topic` into `bucket` on the lab's S3 server and keys; `over` adds the spec's own flush, folder, converters. */
export function labS3Sink(topic: string, bucket: string, over: Record<string, string> = {}): Record<string, string> {
  return {
    "connector.class": "lab.console.connect.s3.S3SinkConnector",
    topics: topic,
    "s3.bucket.name": bucket,
    "s3.region": cfg.s3.region,
    "store.url": cfg.s3.endpointForConnect,
    "aws.access.key.id": cfg.s3.accessKeyId,
    "aws.secret.access.key": cfg.s3.secretAccessKey,
    ...over,
  };
}

/** A Debezium source of liga_sudoers.public.pessoas (topic liga_sudoers.public.pessoas), live changes only. */
export function pessoasSource(slot: string, publication: string): Record<string, string> {
  return {
    ...debeziumConnection(),
    "topic.prefix": "liga_sudoers",
    "table.include.list": "public.pessoas",
    "slot.name": slot,
    "publication.name": publication,
    "publication.autocreate.mode": "filtered",
    "snapshot.mode": "no_data",
  };
}

/** Cleanup after a spec deleted its Debezium source: once Connect lets go of the slot, drops it; never throws. */
export function dropReleasedSlot(c: pg.Client, slot: string): Promise<void> {
  return dropSlotWhenReleased((text, values) => c.query(text, values), slot);
}

/** The answer to the next server action the page calls (the UI's mutations are server actions: a POST with Next-Action). */
export function nextServerAction(page: import("@playwright/test").Page) {
  return page.waitForResponse((r) => r.request().method() === "POST" && r.request().headers()["next-action"] !== undefined);
}

/**
 * Deletes a connector and the offsets Connect keeps for its name (they outlive the connector): a later connector of
 * the same name would otherwise resume from an LSN whose slot is gone and FAIL ("no longer available").
 */
export async function deleteConnectorAndOffsets(name: string): Promise<void> {
  if ((await connectRest("GET", `/connectors/${name}`)).status === 404) return;
  await connectRest("PUT", `/connectors/${name}/stop`);
  for (let i = 0; i < 60; i++) {
    if ((await connectRest("GET", `/connectors/${name}/status`)).body?.connector?.state === "STOPPED") break;
    await new Promise((r) => setTimeout(r, 500));
  }
  await connectRest("DELETE", `/connectors/${name}/offsets`);
  await connectRest("DELETE", `/connectors/${name}`);
}

/** Asks `fn` every `everyMs` until it answers something truthy (what Connect, Debezium and the sink do happens "soon"). */
export async function waitFor<T>(what: string, fn: () => Promise<T | null | false | undefined>, timeoutMs = 60_000, everyMs = 500): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}
