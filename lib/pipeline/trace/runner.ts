import "server-only";
import { randomBytes } from "node:crypto";
import { AppError, asAppError } from "../../errors";
import { readOnly } from "../../pg/session";
import { processWide } from "../../process-wide";
import { makeMarkedChange, pickRow, tableShape } from "./change";
import { eventStop, matchEvent, objectStop } from "./match";
import { findObject } from "./objects";
import { eventFacts, planTrace, sinksOf, sinkView, type TracePlan } from "./resolve";
import { createTrace, finishTrace, getTrace, saveHops } from "./store";
import { endOffsets, watchTopic } from "./topic-watch";
import type { StartTraceParams, TopicHop, TraceHops, TraceStop, TraceView } from "../shared/trace";

// Starts a trace (the guarded operation's run) and follows it in the background: one watcher per trace, a timeout
// per hop, at most MAX_RUNNING traces of this process at once. Every hop is stored as soon as it is noticed, so the
// page (which polls the stored trace) and a restart see the same thing.

/** Traces followed at once by one console process; the next start is refused (429) until one ends. */
export const MAX_RUNNING = 4;
/** How often the bucket is looked at while waiting for the object. */
const OBJECT_POLL_MS = 500;
/** How often the sinks of the topic are read again while waiting (one may be registered meanwhile). */
const SINKS_REFRESH_MS = 5_000;

/** A marker that cannot be mistaken for anything else in a row: "LCT-" and 12 lowercase letters or digits. */
function newMarker(): string {
  const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
  return `LCT-${[...randomBytes(12)].map((b) => alphabet[b % alphabet.length]).join("")}`;
}

/** Waits `ms` or until the trace is aborted, leaving no listener behind. */
const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(t);
      signal.removeEventListener("abort", done);
      resolve();
    };
    const t = setTimeout(done, ms);
    signal.addEventListener("abort", done, { once: true });
  });

class TraceRunner {
  private readonly running = new Map<string, AbortController>();

  runningCount(): number {
    return this.running.size;
  }

  async start(params: StartTraceParams, startedBy: string | null): Promise<TraceView> {
    if (this.running.size >= MAX_RUNNING) {
      throw new AppError(429, "trace_busy", `${MAX_RUNNING} traces are already running: wait until one ends (at most their timeouts).`, "console", { params: { max: MAX_RUNNING }, retryAfter: 5 });
    }
    const plan = await planTrace(params);
    const shape = await readOnly("oltp", "trace: read the table", (c) => tableShape(c, plan.schema, plan.table));
    const key = await pickRow(shape);
    const marker = newMarker();
    const controller = new AbortController();
    const slot = `pending-${marker}`;
    this.running.set(slot, controller);
    let unwatch: (() => void) | null = null;
    try {
      // Before the change: the topic's end offsets, and a reader positioned there, so history is never scanned.
      const from = await endOffsets(plan.topic);
      let found: ((hop: TopicHop) => void) | null = null;
      const event = new Promise<TopicHop>((resolve) => (found = resolve));
      const offer = (partition: number, m: { key: Buffer | null; value: Buffer | null; offset: string; timestamp: string }, noticedAt: number) => {
        const match = matchEvent(m.key?.toString("utf8") ?? null, m.value?.toString("utf8") ?? null, key, marker);
        if (!match) return false;
        found!({ topic: plan.topic, partition, offset: m.offset, brokerAt: new Date(Number(m.timestamp)).toISOString(), lsn: match.lsn, sourceTsMs: match.sourceTsMs, op: match.op, noticedAt: new Date(noticedAt).toISOString() });
        return true;
      };
      if (from.size) unwatch = await watchTopic(plan.topic, { from, offer });
      const commit = await makeMarkedChange(shape, marker, key);
      const hops: TraceHops = { fromOffsets: Object.fromEntries([...from].map(([p, o]) => [String(p), o.toString()])), commit };
      const row = await createTrace({
        marker,
        startedBy,
        cluster: plan.cluster,
        connector: plan.connector,
        schema: plan.schema,
        table: plan.table,
        topic: plan.topic,
        hops,
        eventTimeoutMs: params.eventTimeoutS * 1000,
        objectTimeoutMs: params.objectTimeoutS * 1000,
      });
      this.running.delete(slot);
      this.running.set(row.id.toString(), controller);
      const stopWatching = unwatch;
      unwatch = null;
      void this.follow(row.id, marker, plan, params, hops, event, { offer, topicExisted: from.size > 0, stopWatching }, controller.signal).finally(() => this.running.delete(row.id.toString()));
      return await getTrace(row.id.toString());
    } catch (e) {
      this.running.delete(slot);
      unwatch?.();
      throw e;
    }
  }

  private async follow(
    id: bigint,
    marker: string,
    plan: TracePlan,
    params: StartTraceParams,
    hops: TraceHops,
    event: Promise<TopicHop>,
    watch: { offer: Parameters<typeof watchTopic>[1]["offer"]; topicExisted: boolean; stopWatching: (() => void) | null },
    signal: AbortSignal,
  ): Promise<void> {
    let stopWatching = watch.stopWatching;
    try {
      const eventDeadline = Date.now() + params.eventTimeoutS * 1000;
      if (!watch.topicExisted) {
        // Debezium creates the topic with its first event: wait for it, then read it from its start.
        for (;;) {
          const offsets = await endOffsets(plan.topic);
          if (offsets.size) {
            stopWatching = await watchTopic(plan.topic, { from: new Map([...offsets.keys()].map((p) => [p, 0n])), offer: watch.offer });
            break;
          }
          if (Date.now() > eventDeadline || signal.aborted) break;
          await sleep(1000, signal);
        }
      }
      const topic = await Promise.race([event, sleep(Math.max(0, eventDeadline - Date.now()), signal).then(() => null)]);
      stopWatching?.();
      stopWatching = null;
      if (!topic) {
        const stop = eventStop(await eventFacts(plan, params.eventTimeoutS));
        await this.stopped(id, hops, stop);
        return;
      }
      hops.topic = topic;
      let sinks = await sinksOf(plan.topic);
      hops.sinks = sinks.map(sinkView);
      await saveHops(id, hops);

      const objectDeadline = Date.parse(topic.noticedAt) + params.objectTimeoutS * 1000;
      const checked = new Set<string>();
      let sinksReadAt = Date.now();
      while (Date.now() < objectDeadline && !signal.aborted) {
        const object = sinks.length ? await findObject(hops.sinks, topic, marker, checked, signal) : null;
        if (object) {
          hops.object = object;
          await finishTrace(id, "completed", hops, null);
          return;
        }
        await sleep(OBJECT_POLL_MS, signal);
        if (Date.now() - sinksReadAt > SINKS_REFRESH_MS) {
          sinks = await sinksOf(plan.topic);
          hops.sinks = sinks.map(sinkView);
          sinksReadAt = Date.now();
        }
      }
      await this.stopped(id, hops, objectStop(plan.topic, await sinksOf(plan.topic), params.objectTimeoutS));
    } catch (e) {
      stopWatching?.();
      const err = asAppError(e);
      await finishTrace(id, "failed", hops, { code: err.code, params: err.params as Record<string, string | number>, message: err.message }).catch(() => undefined);
    }
  }

  private async stopped(id: bigint, hops: TraceHops, stop: TraceStop): Promise<void> {
    await finishTrace(id, "stopped", hops, { code: stop.code, params: stop.params, message: `Stopped: ${stop.code}`, stop });
  }
}

/** The process's trace runner (one per server process, whatever the bundle). */
export function traceRunner(): TraceRunner {
  return processWide("pipeline-trace-runner", () => new TraceRunner());
}
