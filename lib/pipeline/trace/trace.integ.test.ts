// Trace a change against the lab's REAL PostgreSQL, Debezium, Kafka, S3 sink and S3 server, through the JSON routes
// (guard + audit): a trace of our own pipeline reaches all three hops (the event matched by key and by the marker
// in `after`, the object's line), and each cause a person can produce stops it with its words and its link.
import { GetObjectCommand } from "@aws-sdk/client-s3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as listRoute from "@/app/api/pipeline/traces/route";
import * as oneRoute from "@/app/api/pipeline/traces/[id]/route";
import { createTraceLab, type TraceLab } from "@/test/trace-lab";
import { config } from "../../config";
import { db } from "../../db";
import { s3 } from "../../s3/client";
import { closeTraceReaders } from "./topic-watch";
import type { TracePage, TraceView } from "../shared/trace";

const RUN = Date.now().toString(36);
let lab: TraceLab;

type Handler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;

async function call<T>(handler: unknown, opts: { method?: string; body?: unknown; params?: Record<string, string>; query?: string } = {}) {
  const req = new Request(`http://127.0.0.1/api/pipeline/traces${opts.query ?? ""}`, {
    method: opts.method ?? "GET",
    headers: { "content-type": "application/json" },
    body: opts.body === undefined ? undefined : JSON.stringify(opts.body),
  });
  const res = await (handler as Handler)(req, { params: Promise.resolve(opts.params ?? {}) });
  return { status: res.status, body: (await res.json()) as { ok: boolean; data: T; error?: { code: string; params: Record<string, unknown> } } };
}

const start = (extra: Record<string, unknown> = {}) => call<TraceView>(listRoute.POST, { method: "POST", body: { cluster: "0", connector: lab.source, table: "public.pessoas", ...extra } });

/** Polls the stored trace until it ends (the page polls the same route). */
async function ended(id: string, timeoutMs = 90_000): Promise<TraceView> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const r = await call<TraceView>(oneRoute.GET, { params: { id } });
    if (r.body.data.status !== "running") return r.body.data;
    if (Date.now() > end) throw new Error(`trace ${id} still running: ${JSON.stringify(r.body.data)}`);
    await new Promise((res) => setTimeout(res, 300));
  }
}

beforeAll(async () => {
  lab = await createTraceLab(config(), `tr-it-${RUN}`);
});

afterAll(async () => {
  await closeTraceReaders();
  await lab?.cleanup();
  await db().pipelineTrace.deleteMany({ where: { connector: { startsWith: `tr-it-${RUN}` } } });
});

describe("trace a change", () => {
  it("follows one marked change to its event (key + marker, lsn, offset) and to the sink's object and line", async () => {
    const before = (await lab.sql("SELECT nome FROM pessoas ORDER BY id LIMIT 5")).rows;
    const r = await start();
    expect(r.status, JSON.stringify(r.body)).toBe(201);
    const started = r.body.data;
    expect(started.status).toBe("running");
    expect(started.hops.commit?.txid).toMatch(/^\d+$/);
    expect(started.hops.commit?.lsn).toMatch(/^[0-9A-F]+\/[0-9A-F]+$/);
    expect(started.marker).toMatch(/^LCT-[a-z0-9]{12}$/);

    const t = await ended(started.id);
    expect(t.status, JSON.stringify(t)).toBe("completed");
    expect(t.hops.topic).toMatchObject({ topic: lab.topic, partition: 0, op: "u" });
    expect(t.hops.topic!.lsn).toMatch(/^[0-9A-F]+\/[0-9A-F]+$/);
    expect(t.hops.topic!.sourceTsMs).toBeGreaterThan(0);
    expect(t.hops.object).toMatchObject({ sink: { cluster: "0", name: lab.sink }, bucket: lab.bucket });
    expect(t.hops.object!.key.startsWith(`topics/${lab.topic}/`)).toBe(true);
    expect(t.latency.commitToTopicMs).not.toBeNull();
    expect(t.latency.topicToObjectMs).not.toBeNull();
    // The line the trace names is the event whose `after` carries the marker.
    const obj = await s3().send(new GetObjectCommand({ Bucket: lab.bucket, Key: t.hops.object!.key }));
    const line = (await obj.Body!.transformToString()).split("\n")[t.hops.object!.line - 1]!;
    expect(JSON.parse(line).after.nome).toContain(t.marker);
    // The table is as it was: the marked value was restored in the same transaction.
    expect((await lab.sql("SELECT nome FROM pessoas ORDER BY id LIMIT 5")).rows).toEqual(before);
    expect((await lab.sql("SELECT count(*)::int AS n FROM pessoas WHERE nome LIKE $1", [`%${t.marker}%`])).rows[0].n).toBe(0);

    // Listed newest first, with true paging, and audited.
    const second = await ended((await start()).body.data.id);
    const page1 = await call<TracePage>(listRoute.GET, { query: "?limit=1" });
    expect(page1.body.data.traces[0]!.id).toBe(second.id);
    const page2 = await call<TracePage>(listRoute.GET, { query: `?limit=1&before=${page1.body.data.nextBefore}` });
    expect(page2.body.data.traces[0]!.id).toBe(t.id);
    const audit = await db().auditEntry.findFirst({ where: { action: "pipeline.trace.start", target: `${lab.source} public.pessoas` }, orderBy: { at: "desc" } });
    expect(audit?.outcome).toBe("ok");
  });

  it("refuses a table the connector does not capture, and an unknown key", async () => {
    const r = await start({ table: "public.produtos" });
    expect(r.status).toBe(422);
    expect(r.body.error?.code).toBe("trace_table_not_captured");
    const bad = await start({ timeout: 3 });
    expect(bad.status).toBe(422);
  });

  it("with the sink's objects not due yet, stops at the topic with flush.size and rotate.interval.ms", async () => {
    await lab.rest("PUT", `/connectors/${lab.sink}/config`, lab.sinkConfig({ "flush.size": "1000", "rotate.interval.ms": "600000" }));
    await lab.waitState(lab.sink, "RUNNING");
    const t = await ended((await start({ objectTimeoutS: 5 })).body.data.id);
    expect(t.status).toBe("stopped");
    expect(t.hops.topic).toBeDefined();
    expect(t.stop).toMatchObject({ code: "not_flushed", stage: "topic", params: { sink: lab.sink, flushSize: "1000", rotateIntervalMs: "600000" } });
    await lab.rest("PUT", `/connectors/${lab.sink}/config`, lab.sinkConfig());
    await lab.waitState(lab.sink, "RUNNING");
  });

  it("with the sink paused, stops at the topic and names the paused sink", async () => {
    await lab.rest("PUT", `/connectors/${lab.sink}/pause`);
    await lab.waitState(lab.sink, "PAUSED");
    const t = await ended((await start({ objectTimeoutS: 5 })).body.data.id);
    expect(t.status).toBe("stopped");
    expect(t.stop).toMatchObject({ code: "sink_not_running", stage: "topic", params: { sink: lab.sink, state: "PAUSED" }, link: { href: `/connectors/0/${lab.sink}`, kind: "connector" } });
    await lab.rest("PUT", `/connectors/${lab.sink}/resume`);
    await lab.waitState(lab.sink, "RUNNING");
  });

  it("with no sink reading the topic, stops at the topic and links the register page", async () => {
    await lab.rest("PUT", `/connectors/${lab.sink}/stop`);
    await lab.waitState(lab.sink, "STOPPED");
    await lab.rest("DELETE", `/connectors/${lab.sink}`);
    const t = await ended((await start({ objectTimeoutS: 5 })).body.data.id);
    expect(t.stop).toMatchObject({ code: "no_sink", stage: "topic", link: { href: "/connectors/register", kind: "register" } });
  });

  it("with the table removed from the publication, stops at the database and links the doctor's rule", async () => {
    await lab.sql(`ALTER PUBLICATION ${lab.publication} DROP TABLE public.pessoas`);
    const t = await ended((await start({ eventTimeoutS: 5 })).body.data.id);
    expect(t.status).toBe("stopped");
    expect(t.hops.topic).toBeUndefined();
    expect(t.stop).toMatchObject({ code: "table_not_in_publication", stage: "database", params: { publication: lab.publication, table: "public.pessoas" }, link: { kind: "doctor" } });
    expect(t.stop!.link!.href).toContain("rule=publication_missing_table");
    await lab.sql(`ALTER PUBLICATION ${lab.publication} ADD TABLE public.pessoas`);
  });

  it("with the connector stopped, stops at the database and names its state", async () => {
    await lab.rest("PUT", `/connectors/${lab.source}/stop`);
    await lab.waitState(lab.source, "STOPPED");
    const t = await ended((await start({ eventTimeoutS: 5 })).body.data.id);
    expect(t.stop).toMatchObject({ code: "connector_not_running", stage: "database", params: { state: "STOPPED" }, link: { href: `/connectors/0/${lab.source}` } });
  });
});
