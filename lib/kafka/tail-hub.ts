import "server-only";
import { randomBytes } from "node:crypto";
import type { Consumer, EachBatchPayload } from "kafkajs";
import { config } from "../config";
import { AppError } from "../errors";
import { withAdmin } from "./admin";
import { kafka } from "./client";
import { kafkaError, unknownTopic } from "./errors";
import type { TailFailure, TailGap, TailReady, TopicMessage } from "./message-types";
import { toTopicMessage } from "./messages";
import { RingBuffer } from "./ring-buffer";
import { parseEventId, sseComment, sseEvent } from "./sse";
import { isEmptyFilter, matchesFilter, type TailFilter } from "./tail-filter";
import { CONSOLE_GROUP_PREFIX } from "./topics";
import { ViewerQueue } from "./viewer-queue";

// The live tail hub: ONE kafkajs consumer per watched topic, whatever the number of viewers. Each record is
// decoded and framed as an SSE event once, kept in a ring buffer (for new viewers and Last-Event-ID resumes)
// and handed to every viewer's bounded queue. A viewer that cannot keep up loses messages (and is told how
// many); it never holds the others back and never grows the server's memory.

export interface HubOptions {
  /** Messages kept per topic for new viewers and resumes. */
  ringSize: number;
  /** Messages a viewer may have waiting before new ones are dropped for it. */
  viewerQueue: number;
  /** How long a topic's consumer stays open after its last viewer left. */
  idleCloseMs: number;
  /** Comment lines sent to idle streams so proxies and browsers keep them open. */
  heartbeatMs: number;
  /** Fan-out batching: viewers are woken at most this often (one write per viewer per flush). */
  flushMs: number;
  /** Messages read from before the first viewer arrived, spread over the partitions (at most ringSize). */
  backfill: number;
  /** Viewers over all topics; beyond this new streams get 503. */
  maxViewers: number;
}

export interface TopicTailStats {
  topic: string;
  state: TailState;
  groupId: string;
  viewers: number;
  buffered: number;
  /** Records read from Kafka since the consumer opened. */
  received: number;
  /** Messages dropped for slow viewers since the consumer opened. */
  skipped: number;
  partitions: number;
}

export interface HubStats {
  /** Kafka consumers open right now (one per watched topic). */
  consumersOpen: number;
  /** Consumers opened since the server started. */
  consumersOpenedTotal: number;
  /** Consumers opened per topic since the server started. */
  consumersOpenedByTopic: Record<string, number>;
  viewers: number;
  /** Read from Kafka → written to a viewer's response, over the last writes (ms). */
  fanoutDelayMs: { p50: number | null; p99: number | null; samples: number };
  topics: TopicTailStats[];
  options: HubOptions;
}

type TailState = "starting" | "running" | "closing" | "closed" | "failed";

interface TailEntry {
  partition: number;
  offset: bigint;
  message: TopicMessage;
  /** The SSE frame, encoded once for every viewer. */
  frame: Uint8Array;
  /** performance.now() when the hub read it from Kafka. */
  receivedAt: number;
}

interface Framed {
  frame: Uint8Array;
  receivedAt: number;
}

const encoder = new TextEncoder();
const HEARTBEAT = encoder.encode(sseComment("heartbeat"));

interface ResumePoint {
  id: string;
  partition: number;
  offset: bigint;
}

/** One browser connection. Its queue is bounded; its stream drains it whenever the client can take more. */
export class TailViewer {
  private readonly queue: ViewerQueue<Framed>;
  private readonly openedAt = performance.now();
  private readonly control: Uint8Array[] = [];
  private waiter: (() => void) | null = null;
  private readonly filterIsEmpty: boolean;
  private resumeChecked = false;
  readySent = false;
  closed = false;
  lastSentAt = Date.now();
  delivered = 0;
  onClose: (() => void) | null = null;

  constructor(
    capacity: number,
    readonly filter: TailFilter,
    readonly resume: ResumePoint | null,
    private readonly markDirty: (v: TailViewer) => void,
    private readonly recordDelay: (ms: number) => void,
  ) {
    this.queue = new ViewerQueue(capacity);
    this.filterIsEmpty = isEmptyFilter(filter);
  }

  get skippedTotal(): number {
    return this.queue.droppedTotal;
  }

  /**
   * Hands one record to this viewer (if its filter wants it). Never blocks. `replay`: the backlog from the ring
   * buffer, bounded already, is never a reason to drop.
   */
  offer(entry: TailEntry, replay = false): void {
    if (this.closed) return;
    if (this.resume && entry.partition === this.resume.partition) {
      if (entry.offset <= this.resume.offset) return; // already delivered before the reconnect
      if (!this.resumeChecked) {
        this.resumeChecked = true;
        const missed = entry.offset - this.resume.offset - 1n;
        if (missed > 0n) {
          const gap: TailGap = { partition: entry.partition, fromOffset: String(this.resume.offset + 1n), toOffset: String(entry.offset - 1n), count: Number(missed) };
          this.queue.push({ frame: encoder.encode(sseEvent(gap, { event: "gap" })), receivedAt: entry.receivedAt });
        }
      }
    }
    if (!this.filterIsEmpty && !matchesFilter(this.filter, entry.message)) return;
    this.queue.push(entry, replay || this.waiter !== null);
    this.markDirty(this);
  }

  /** Out-of-band frames (ready, errors, heartbeats): never dropped, few. */
  pushControl(frame: Uint8Array): void {
    if (this.closed) return;
    this.control.push(frame);
    this.markDirty(this);
  }

  wake(): void {
    const w = this.waiter;
    this.waiter = null;
    w?.();
  }

  /** Resolves when there may be something to drain, or the viewer closed. */
  wait(): Promise<void> {
    if (this.closed || this.control.length > 0 || this.queue.hasPending) return Promise.resolve();
    return new Promise((resolve) => {
      this.waiter = resolve;
    });
  }

  /** Everything waiting, as one chunk (one write to the socket), or null. */
  drain(): Uint8Array | null {
    const parts: Uint8Array[] = this.control.splice(0);
    let first = true;
    for (const e of this.queue.take()) {
      if (e.kind === "item") {
        parts.push(e.item.frame);
        this.delivered++;
        // How long the oldest record of this write waited in the hub (records read before the viewer came do not count).
        if (first && e.item.receivedAt >= this.openedAt) this.recordDelay(performance.now() - e.item.receivedAt);
        first = false;
      } else {
        parts.push(encoder.encode(sseEvent({ count: e.count }, { event: "skipped" })));
      }
    }
    if (parts.length === 0) return null;
    this.lastSentAt = Date.now();
    return parts.length === 1 ? parts[0]! : Buffer.concat(parts);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.wake();
    const cb = this.onClose;
    this.onClose = null;
    cb?.();
  }
}

/** The consumer and buffer of one topic, shared by all its viewers. */
class TopicTail {
  state: TailState = "starting";
  readonly groupId: string;
  readonly ring: RingBuffer<TailEntry>;
  readonly viewers = new Set<TailViewer>();
  private consumer: Consumer | null = null;
  private ready: TailReady | null = null;
  private idleTimer: NodeJS.Timeout | null = null;
  /** Next offset to read per partition: where a rebalance must resume. */
  private readonly nextOffsets = new Map<number, bigint>();
  /** High watermarks when the consumer opened: records below them are history (backfill), not live. */
  private readonly liveFrom = new Map<number, bigint>();
  received = 0;
  skippedAtClose = 0;

  constructor(
    private readonly hub: TailHub,
    readonly topic: string,
  ) {
    this.groupId = `${CONSOLE_GROUP_PREFIX}tail-${topic}-${randomBytes(4).toString("hex")}`;
    this.ring = new RingBuffer(hub.options.ringSize);
  }

  get partitions(): number {
    return this.ready?.partitions.length ?? 0;
  }

  /** Reads the offsets, opens the consumer and positions it: backfill, or right after a resuming viewer. */
  async start(resume: ResumePoint | null): Promise<void> {
    try {
      const offsets = await withAdmin(`read the offsets of "${this.topic}"`, async (admin) => {
        const names = await admin.listTopics();
        if (!names.includes(this.topic)) throw unknownTopic(this.topic);
        return admin.fetchTopicOffsets(this.topic);
      });
      const perPartition = offsets.length ? Math.ceil(this.hub.options.backfill / offsets.length) : 0;
      for (const o of offsets) {
        const low = BigInt(o.low);
        const high = BigInt(o.high);
        let start = high - BigInt(perPartition) > low ? high - BigInt(perPartition) : low;
        // A viewer reconnecting after the consumer closed: start right after what it has, if close enough.
        if (resume && resume.partition === o.partition && resume.offset + 1n >= low && resume.offset + 1n < start && high - (resume.offset + 1n) <= BigInt(this.hub.options.ringSize)) {
          start = resume.offset + 1n;
        }
        this.nextOffsets.set(o.partition, start);
        this.liveFrom.set(o.partition, high);
      }
      this.ready = {
        topic: this.topic,
        partitions: offsets.map((o) => ({ partition: o.partition, startOffset: String(this.nextOffsets.get(o.partition)), highWatermark: o.high })).sort((a, b) => a.partition - b.partition),
        bufferSize: this.hub.options.ringSize,
        resumedAfter: null,
      };
      if (this.state !== "starting") return; // every viewer left while we were reading offsets

      const consumer = kafka().consumer({ groupId: this.groupId, allowAutoTopicCreation: false, maxWaitTimeInMs: 250, sessionTimeout: 30_000, heartbeatInterval: 3_000 });
      this.consumer = consumer;
      this.hub.consumerOpened(this.topic);
      // Position every partition on each (re)join: the group never commits, so after a rebalance kafkajs would
      // otherwise jump to the latest offset and lose what arrived in between.
      consumer.on(consumer.events.GROUP_JOIN, () => {
        for (const [partition, offset] of this.nextOffsets) consumer.seek({ topic: this.topic, partition, offset: String(offset) });
      });
      consumer.on(consumer.events.CRASH, (event) => {
        if (!event.payload.restart) this.fail(kafkaError(event.payload.error, `keep reading "${this.topic}"`));
      });
      await consumer.connect();
      await consumer.subscribe({ topics: [this.topic], fromBeginning: false });
      await consumer.run({ autoCommit: false, eachBatchAutoResolve: true, eachBatch: (payload) => this.onBatch(payload) });
      if (this.state !== "starting") return;
      this.state = "running";
      for (const v of this.viewers) this.sendReady(v);
    } catch (e) {
      this.fail(e instanceof AppError ? e : kafkaError(e, `start reading "${this.topic}"`));
    }
  }

  private async onBatch({ batch }: EachBatchPayload): Promise<void> {
    const now = Date.now();
    for (const m of batch.messages) {
      const offset = BigInt(m.offset);
      const message = toTopicMessage(batch.partition, m, offset >= (this.liveFrom.get(batch.partition) ?? 0n), now, this.topic);
      const entry: TailEntry = {
        partition: batch.partition,
        offset,
        message,
        frame: encoder.encode(sseEvent(message, { id: message.id })),
        receivedAt: performance.now(),
      };
      this.nextOffsets.set(batch.partition, entry.offset + 1n);
      this.received++;
      this.ring.push(entry);
      for (const v of this.viewers) {
        if (!v.readySent) this.sendReady(v);
        v.offer(entry);
      }
    }
  }

  private sendReady(v: TailViewer): void {
    if (!this.ready || v.readySent) return;
    v.readySent = true;
    v.pushControl(encoder.encode(sseEvent({ ...this.ready, resumedAfter: v.resume?.id ?? null } satisfies TailReady, { event: "ready" })));
  }

  addViewer(v: TailViewer): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    this.viewers.add(v);
    v.onClose = () => this.removeViewer(v);
    if (this.state !== "running") return; // ready and records follow when the consumer is positioned
    this.sendReady(v);
    const backlog = this.ring.toArray();
    let from = 0;
    if (v.resume) {
      const at = backlog.findLastIndex((e) => e.partition === v.resume!.partition && e.offset === v.resume!.offset);
      if (at >= 0) from = at + 1;
    }
    for (let i = from; i < backlog.length; i++) v.offer(backlog[i]!, true);
  }

  removeViewer(v: TailViewer): void {
    if (!this.viewers.delete(v)) return;
    this.skippedAtClose += v.skippedTotal;
    if (this.viewers.size > 0 || this.state === "closing" || this.state === "closed" || this.state === "failed") return;
    // Also while starting: start() stops early or finishes, then the timer closes the consumer.
    this.idleTimer = setTimeout(() => void this.close(), this.hub.options.idleCloseMs);
    this.idleTimer.unref?.();
  }

  skippedTotal(): number {
    let n = this.skippedAtClose;
    for (const v of this.viewers) n += v.skippedTotal;
    return n;
  }

  fail(error: AppError): void {
    if (this.state === "closed" || this.state === "failed") return;
    this.state = "failed";
    const failure: TailFailure = { code: error.code, message: error.message };
    const frame = encoder.encode(sseEvent(failure, { event: "tail-error" }));
    for (const v of [...this.viewers]) {
      v.pushControl(frame);
      // Let the frame reach the stream before it ends.
      setTimeout(() => v.close(), 50);
    }
    this.hub.forget(this);
    void this.shutdown();
  }

  async close(): Promise<void> {
    if (this.state === "closing" || this.state === "closed" || this.state === "failed") return;
    this.state = "closing";
    this.hub.forget(this);
    await this.shutdown();
    this.state = "closed";
  }

  private async shutdown(): Promise<void> {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    const consumer = this.consumer;
    this.consumer = null;
    this.ring.clear();
    if (!consumer) return;
    await consumer.disconnect().catch(() => undefined);
    this.hub.consumerClosed();
    // The group never committed anything; delete it so it does not linger in the groups list.
    await withAdmin("delete the tail's consumer group", (admin) => admin.deleteGroups([this.groupId])).catch(() => undefined);
  }

  stats(): TopicTailStats {
    return { topic: this.topic, state: this.state, groupId: this.groupId, viewers: this.viewers.size, buffered: this.ring.size, received: this.received, skipped: this.skippedTotal(), partitions: this.partitions };
  }
}

export interface OpenTailOptions {
  filter: TailFilter;
  /** Last-Event-ID ("partition:offset") of a reconnecting browser. */
  lastEventId?: string | null;
  /** Closes the stream (the request's signal). */
  signal?: AbortSignal;
}

export class TailHub {
  private readonly tails = new Map<string, TopicTail>();
  private readonly dirty = new Set<TailViewer>();
  private flushTimer: NodeJS.Timeout | null = null;
  private heartbeatTimer: NodeJS.Timeout | null = null;
  private consumersOpen = 0;
  private consumersOpenedTotal = 0;
  private readonly openedByTopic = new Map<string, number>();

  constructor(readonly options: HubOptions) {}

  /** Opens an SSE stream of `topic` for one viewer. Throws AppError 404 for an unknown topic, 503 when full. */
  async open(topic: string, o: OpenTailOptions): Promise<ReadableStream<Uint8Array>> {
    if (this.viewerCount() >= this.options.maxViewers) {
      throw new AppError(503, "too_many_viewers", `The console already streams to ${this.options.maxViewers} viewers (TAIL_MAX_VIEWERS); try again later or raise the limit.`, "console", 5);
    }
    if (!(await this.topicNames()).has(topic)) throw unknownTopic(topic);
    let tail = this.tails.get(topic);
    const parsed = parseEventId(o.lastEventId);
    const resume = parsed ? { id: `${parsed.partition}:${parsed.offset}`, ...parsed } : null;
    const viewer = new TailViewer(
      this.options.viewerQueue,
      o.filter,
      resume,
      (v) => this.markDirty(v),
      (ms) => this.recordDelay(ms),
    );
    viewer.pushControl(encoder.encode(`retry: 2000\n${sseComment(`live tail of ${topic}`)}`));
    if (!tail) {
      tail = new TopicTail(this, topic);
      this.tails.set(topic, tail);
      tail.addViewer(viewer);
      void tail.start(resume);
    } else {
      tail.addViewer(viewer);
    }
    this.ensureHeartbeat();

    const close = () => viewer.close();
    if (o.signal?.aborted) close();
    o.signal?.addEventListener("abort", close, { once: true });

    return new ReadableStream<Uint8Array>(
      {
        pull: async (controller) => {
          for (;;) {
            const chunk = viewer.drain();
            if (chunk) {
              controller.enqueue(chunk);
              return;
            }
            if (viewer.closed) {
              o.signal?.removeEventListener("abort", close);
              try {
                controller.close();
              } catch {
                // already cancelled
              }
              return;
            }
            await viewer.wait();
          }
        },
        cancel: close,
      },
      // Pull only when the response can take more: a slow client's backlog stays in its bounded queue.
      { highWaterMark: 0 },
    );
  }

  private names: { at: number; value: Promise<Set<string>> } | null = null;
  private readonly delays = new Float64Array(4096);
  private delayCount = 0;

  private recordDelay(ms: number): void {
    this.delays[this.delayCount++ % this.delays.length] = ms;
  }

  /** Time records spent in the hub before being written to a viewer (read from Kafka → written), recent writes. */
  private fanoutDelay(): { p50: number | null; p99: number | null; samples: number } {
    const n = Math.min(this.delayCount, this.delays.length);
    if (n === 0) return { p50: null, p99: null, samples: 0 };
    const sorted = Float64Array.from(this.delays.subarray(0, n)).sort();
    const at = (p: number) => Math.round(sorted[Math.min(n - 1, Math.floor(p * n))]! * 10) / 10;
    return { p50: at(0.5), p99: at(0.99), samples: n };
  }

  /** Kafka's topic names, asked at most every 2 s: a room of viewers connecting at once costs one request. */
  private topicNames(): Promise<Set<string>> {
    if (!this.names || Date.now() - this.names.at > 2000) {
      const value = withAdmin("list the topics", async (admin) => new Set(await admin.listTopics()));
      this.names = { at: Date.now(), value };
      value.catch(() => (this.names = null));
    }
    return this.names.value;
  }

  /** The console created a topic: forget the cached names so it can be watched at once. */
  topicCreated(): void {
    this.names = null;
  }

  /** The console deleted `topic`: its viewers are told and its consumer closes now. */
  topicDeleted(topic: string): void {
    this.names = null;
    this.tails.get(topic)?.fail(new AppError(410, "topic_deleted", `Topic "${topic}" was deleted. Create it again (or let its connector recreate it) to watch it.`, "kafka"));
  }

  private markDirty(v: TailViewer): void {
    this.dirty.add(v);
    if (this.flushTimer) return;
    const flush = () => {
      this.flushTimer = null;
      const woken = [...this.dirty];
      this.dirty.clear();
      for (const x of woken) x.wake();
    };
    this.flushTimer = setTimeout(flush, this.options.flushMs);
  }

  private ensureHeartbeat(): void {
    if (this.heartbeatTimer) return;
    this.heartbeatTimer = setInterval(() => {
      const now = Date.now();
      let any = false;
      for (const t of this.tails.values()) {
        for (const v of t.viewers) {
          any = true;
          if (now - v.lastSentAt >= this.options.heartbeatMs * 0.9) v.pushControl(HEARTBEAT);
        }
      }
      if (!any && this.heartbeatTimer) {
        clearInterval(this.heartbeatTimer);
        this.heartbeatTimer = null;
      }
    }, Math.max(50, Math.floor(this.options.heartbeatMs / 3)));
    this.heartbeatTimer.unref?.();
  }

  viewerCount(): number {
    let n = 0;
    for (const t of this.tails.values()) n += t.viewers.size;
    return n;
  }

  /** @internal called by a tail when it stops being the topic's tail. */
  forget(tail: TopicTail): void {
    if (this.tails.get(tail.topic) === tail) this.tails.delete(tail.topic);
  }

  /** @internal */
  consumerOpened(topic: string): void {
    this.consumersOpen++;
    this.consumersOpenedTotal++;
    this.openedByTopic.set(topic, (this.openedByTopic.get(topic) ?? 0) + 1);
  }

  /** @internal */
  consumerClosed(): void {
    this.consumersOpen--;
  }

  stats(): HubStats {
    return {
      consumersOpen: this.consumersOpen,
      consumersOpenedTotal: this.consumersOpenedTotal,
      consumersOpenedByTopic: Object.fromEntries(this.openedByTopic),
      viewers: this.viewerCount(),
      fanoutDelayMs: this.fanoutDelay(),
      topics: [...this.tails.values()].map((t) => t.stats()),
      options: this.options,
    };
  }

  /**
   * Closes every consumer now (tests, shutdown), then ends the streams. In that order: the server's shutdown
   * waits for open streams, which gives the consumers time to leave their groups and delete them.
   */
  async closeAll(): Promise<void> {
    const tails = [...this.tails.values()];
    await Promise.race([Promise.all(tails.map((t) => t.close())), new Promise((r) => setTimeout(r, 5000))]);
    for (const t of tails) for (const v of [...t.viewers]) v.close();
  }
}

const globalForHub = globalThis as unknown as { labConsoleTailHub?: TailHub };

/** The process's hub. Kept on globalThis: Next's dev server reloads modules, and two hubs would mean two consumers. */
export function tailHub(): TailHub {
  if (!globalForHub.labConsoleTailHub) {
    const hub = new TailHub(config().tail);
    globalForHub.labConsoleTailHub = hub;
    // Inside the Next server, whose own handler exits after closing the HTTP server: end the streams (which
    // that close waits for) and close the consumers and their groups.
    if (process.env.NEXT_RUNTIME) for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => void hub.closeAll());
  }
  return globalForHub.labConsoleTailHub;
}
