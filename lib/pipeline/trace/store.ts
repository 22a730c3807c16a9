import "server-only";
import { db } from "../../db";
import { AppError } from "../../errors";
import type { PipelineTrace, Prisma } from "../../generated/prisma/client";
import { latencyOf, STOP_CODES, type StopCode, type TraceHops, type TracePage, type TraceStatus, type TraceStop, type TraceView } from "../shared/trace";
import { connectorHref } from "./match";

// Stored traces (console database, table pipeline_traces): one row per trace, its hops as JSON, listed newest first
// with keyset paging (id < before).

/** Extra seconds past a trace's own timeouts after which a "running" row belongs to a process that died. */
const STALE_GRACE_S = 120;

export interface NewTrace {
  marker: string;
  startedBy: string | null;
  cluster: string;
  connector: string;
  schema: string;
  table: string;
  topic: string;
  hops: TraceHops;
  eventTimeoutMs: number;
  objectTimeoutMs: number;
}

export async function createTrace(t: NewTrace): Promise<PipelineTrace> {
  return db().pipelineTrace.create({
    data: {
      marker: t.marker,
      startedBy: t.startedBy,
      cluster: t.cluster,
      connector: t.connector,
      schemaName: t.schema,
      tableName: t.table,
      topic: t.topic,
      status: "running",
      hops: t.hops as Prisma.InputJsonValue,
      eventTimeoutMs: t.eventTimeoutMs,
      objectTimeoutMs: t.objectTimeoutMs,
    },
  });
}

export async function saveHops(id: bigint, hops: TraceHops): Promise<void> {
  await db().pipelineTrace.update({ where: { id }, data: { hops: hops as Prisma.InputJsonValue } });
}

/** Ends a trace: completed, stopped (with its cause) or failed (with the AppError's code). */
export async function finishTrace(id: bigint, status: Exclude<TraceStatus, "running">, hops: TraceHops, failure: { code: string; params: Record<string, string | number>; message: string; stop?: TraceStop } | null): Promise<void> {
  const stored: TraceHops = failure?.stop ? { ...hops, stopAt: { stage: failure.stop.stage, link: failure.stop.link } } : hops;
  await db().pipelineTrace.update({
    where: { id },
    data: {
      status,
      hops: stored as Prisma.InputJsonValue,
      failureCode: failure?.code ?? null,
      failureParams: failure ? (failure.params as Prisma.InputJsonValue) : undefined,
      failureMessage: failure?.message ?? null,
      endedAt: new Date(),
    },
  });
}

/** Marks traces whose process stopped before they ended (a restart) as interrupted. */
async function sweepStale(): Promise<void> {
  await db().$executeRawUnsafe(
    `UPDATE pipeline_traces SET status = 'interrupted', failure_code = 'interrupted', failure_params = '{}'::jsonb, ended_at = now()
      WHERE status = 'running' AND started_at < now() - make_interval(secs => (event_timeout_ms + object_timeout_ms) / 1000.0 + ${STALE_GRACE_S})`,
  );
}

const STOPS = new Set<string>(STOP_CODES);

export function viewOf(row: PipelineTrace): TraceView {
  const hops = (row.hops ?? {}) as TraceHops;
  const params = (row.failureParams ?? {}) as Record<string, string | number>;
  let stop: TraceStop | null = null;
  let error: TraceView["error"] = null;
  if (row.failureCode && STOPS.has(row.failureCode) && (row.status === "stopped" || row.status === "interrupted")) {
    stop = {
      code: row.failureCode as StopCode,
      stage: hops.stopAt?.stage ?? (hops.topic ? "topic" : "database"),
      params,
      link: hops.stopAt ? hops.stopAt.link : { href: connectorHref(row.cluster, row.connector), kind: "connector" },
    };
  } else if (row.failureCode) {
    error = { code: row.failureCode, params, message: row.failureMessage ?? "" };
  }
  return {
    id: row.id.toString(),
    marker: row.marker,
    startedBy: row.startedBy,
    cluster: row.cluster,
    connector: row.connector,
    table: `${row.schemaName}.${row.tableName}`,
    topic: row.topic,
    status: row.status as TraceStatus,
    hops,
    stop,
    error,
    eventTimeoutS: Math.round(row.eventTimeoutMs / 1000),
    objectTimeoutS: Math.round(row.objectTimeoutMs / 1000),
    startedAt: row.startedAt.toISOString(),
    endedAt: row.endedAt?.toISOString() ?? null,
    latency: latencyOf(hops),
  };
}

export async function getTrace(id: string): Promise<TraceView> {
  await sweepStale();
  const row = /^\d{1,19}$/.test(id) ? await db().pipelineTrace.findUnique({ where: { id: BigInt(id) } }) : null;
  if (!row) throw new AppError(404, "trace_not_found", `No trace #${id}: it was never started, or its id is mistyped.`, "console", { params: { id } });
  return viewOf(row);
}

/** A page of traces, newest first; `nextBefore` is the next page's cursor (null on the last page). */
export async function listTraces(limit: number, before?: string): Promise<TracePage> {
  await sweepStale();
  const rows = await db().pipelineTrace.findMany({ where: before ? { id: { lt: BigInt(before) } } : {}, orderBy: { id: "desc" }, take: limit + 1 });
  const page = rows.slice(0, limit);
  return { traces: page.map(viewOf), nextBefore: rows.length > limit ? page[page.length - 1]!.id.toString() : null };
}
