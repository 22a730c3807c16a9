import "server-only";
import { randomBytes } from "node:crypto";
import type { Consumer, EachBatchPayload } from "kafkajs";
import { AppError } from "../../errors";
import { topicOffsets, withAdmin } from "../admin";
import { kafka } from "../client";
import { kafkaError, unknownTopic } from "../errors";
import type { TailFailure, TailKafkaState, TailReady } from "../shared/message-types";
import { toTopicMessage } from "../messages/messages";
import { sseEvent } from "../../http/sse-frames";
import { CONSOLE_GROUP_PREFIX } from "../topics/topics";
import { RingBuffer } from "./ring-buffer";
import type { Batch, HubOptions, ResumePoint, TailEntry, TailState, TopicTailStats } from "./types";
import type { TailViewer } from "./viewer";

// The consumer and buffer of one topic, shared by all its viewers. Each record is decoded and framed once and
// kept in the ring (for new viewers and resumes). Records read since the last flush wait in `pending`; every
// flushMs they become ONE chunk, handed as it is to every viewer without a filter, then the viewers are woken:
// per flush, one Buffer.concat for the topic and one write per viewer, whatever the number of records.

const encoder = new TextEncoder();
/**
 * Writes per second a topic's flushes may cost over all its viewers (one write each per flush): with many viewers
 * the flush period grows past flushMs (500 viewers: 12.5 ms, 1,000: 25 ms), since past some tens of thousands of
 * writes a second the socket writes, not the records, take the server's time and delay everyone. (A write to the
 * socket itself costs about a third of one through Next's Web stream: bench:tail, 500 viewers.)
 */
const WRITES_PER_SECOND = 40_000;
/** No fetch answered for this long (the consumer asks every 250 ms): the viewers are told it is reconnecting. */
export const FETCH_STALL_MS = 3_000;

/** What a topic tail needs from the hub that owns it. */
export interface TailOwner {
  readonly options: HubOptions;
  consumerOpened(topic: string): void;
  consumerClosed(): void;
  /** The tail stopped being its topic's tail (closed or failed). */
  forget(tail: TopicTail): void;
}

export class TopicTail {
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
  /** Records read since the last flush, for the viewers that take the shared chunk. */
  private pending: TailEntry[] = [];
  /** Viewers with something to write at the next flush. */
  private readonly dirty = new Set<TailViewer>();
  private flushTimer: NodeJS.Timeout | null = null;
  private lastFlushAt = 0;
  received = 0;
  skippedAtClose = 0;
  /** When the last fetch answered (Date.now()). */
  private lastFetchAt = Date.now();
  /** Since when the consumer cannot fetch, and where each partition stood then; null while it fetches. */
  private stalled: { since: number; expected: Map<number, bigint> } | null = null;
  /** The latest "tail-state" frame, for viewers who arrive while Kafka is away. */
  private kafkaState: TailKafkaState | null = null;
  private watchdog: NodeJS.Timeout | null = null;

  constructor(
    private readonly owner: TailOwner,
    readonly topic: string,
  ) {
    this.groupId = `${CONSOLE_GROUP_PREFIX}tail-${topic}-${randomBytes(4).toString("hex")}`;
    this.ring = new RingBuffer(owner.options.ringSize);
  }

  get partitions(): number {
    return this.ready?.partitions.length ?? 0;
  }

  /** Reads the offsets, opens the consumer and positions it: backfill, or right after a resuming viewer. */
  async start(resume: ResumePoint | null): Promise<void> {
    const { backfill, ringSize } = this.owner.options;
    try {
      const offsets = await withAdmin(`read the offsets of "${this.topic}"`, async (admin) => {
        const names = await admin.listTopics();
        if (!names.includes(this.topic)) throw unknownTopic(this.topic);
        return topicOffsets(admin, this.topic);
      });
      const perPartition = offsets.length ? Math.ceil(backfill / offsets.length) : 0;
      for (const o of offsets) {
        const low = BigInt(o.low);
        const high = BigInt(o.high);
        let start = high - BigInt(perPartition) > low ? high - BigInt(perPartition) : low;
        // A viewer reconnecting after the consumer closed: start right after what it has, if close enough.
        if (resume && resume.partition === o.partition && resume.offset + 1n >= low && resume.offset + 1n < start && high - (resume.offset + 1n) <= BigInt(ringSize)) {
          start = resume.offset + 1n;
        }
        this.nextOffsets.set(o.partition, start);
        this.liveFrom.set(o.partition, high);
      }
      this.ready = {
        topic: this.topic,
        partitions: offsets.map((o) => ({ partition: o.partition, startOffset: String(this.nextOffsets.get(o.partition)), highWatermark: o.high })).sort((a, b) => a.partition - b.partition),
        bufferSize: ringSize,
        resumedAfter: null,
      };
      if (this.state !== "starting") return; // every viewer left while we were reading offsets

      const consumer = kafka().consumer({ groupId: this.groupId, allowAutoTopicCreation: false, maxWaitTimeInMs: 250, sessionTimeout: 10_000, rebalanceTimeout: 10_000, heartbeatInterval: 2_000 });
      // (a short session: after a broker restart the group waits for the member it lost that long before it
      // lets the consumer back in; 30 s kept the tail stalled 30 s after Kafka was back)
      this.consumer = consumer;
      this.owner.consumerOpened(this.topic);
      // Position every partition on each (re)join: the group never commits, so after a rebalance kafkajs would
      // otherwise jump to the latest offset and lose what arrived in between.
      consumer.on(consumer.events.GROUP_JOIN, () => {
        for (const [partition, offset] of this.nextOffsets) consumer.seek({ topic: this.topic, partition, offset: String(offset) });
      });
      consumer.on(consumer.events.CRASH, (event) => {
        if (!event.payload.restart) this.fail(kafkaError(event.payload.error, `keep reading "${this.topic}"`));
        else this.markStalled(this.lastFetchAt);
      });
      consumer.on(consumer.events.FETCH, () => this.fetched());
      await consumer.connect();
      await consumer.subscribe({ topics: [this.topic], fromBeginning: false });
      await consumer.run({ autoCommit: false, eachBatchAutoResolve: true, eachBatch: (payload) => this.onBatch(payload) });
      if (this.state !== "starting") return;
      this.state = "running";
      this.lastFetchAt = Date.now();
      this.watchdog = setInterval(() => {
        if (!this.stalled && Date.now() - this.lastFetchAt > FETCH_STALL_MS) this.markStalled(this.lastFetchAt);
      }, 500);
      this.watchdog.unref?.();
      for (const v of this.viewers) this.sendReady(v);
    } catch (e) {
      this.fail(e instanceof AppError ? e : kafkaError(e, `start reading "${this.topic}"`));
    }
  }

  /** The consumer could not fetch since `since`: every viewer is told, once. */
  private markStalled(since: number): void {
    if (this.stalled || this.state !== "running") return;
    this.stalled = { since, expected: new Map(this.nextOffsets) };
    this.broadcastKafkaState({ state: "reconnecting", since: new Date(since).toISOString() });
  }

  /** A fetch answered: after a stall, the viewers learn when it resumed and whether offsets were skipped. */
  private fetched(): void {
    this.lastFetchAt = Date.now();
    const stalled = this.stalled;
    if (!stalled) return;
    this.stalled = null;
    const at = Date.now();
    void this.skippedSince(stalled.expected).then((skipped) => {
      if (this.state !== "running") return;
      this.broadcastKafkaState({ state: "resumed", at: new Date(at).toISOString(), downMs: at - stalled.since, skipped });
    });
  }

  /**
   * Offsets that can no longer be read from where the consumer stood (retention deleted them during the outage):
   * it resumes at exactly those positions (GROUP_JOIN), so nothing else can be skipped.
   */
  private async skippedSince(expected: Map<number, bigint>): Promise<number> {
    try {
      const offsets = await withAdmin(`read the offsets of "${this.topic}"`, (admin) => topicOffsets(admin, this.topic));
      let skipped = 0n;
      for (const o of offsets) {
        const from = expected.get(o.partition);
        if (from !== undefined && BigInt(o.low) > from) skipped += BigInt(o.low) - from;
      }
      return Number(skipped);
    } catch {
      return 0; // the records arrive in order from where it stopped; the count is only a check
    }
  }

  private broadcastKafkaState(state: TailKafkaState): void {
    this.kafkaState = state.state === "reconnecting" ? state : null;
    const frame = encoder.encode(sseEvent(state, { event: "tail-state" }));
    for (const v of this.viewers) if (v.readySent) v.pushControl(frame);
  }

  private async onBatch({ batch }: EachBatchPayload): Promise<void> {
    if (batch.messages.length === 0) return;
    for (const v of this.viewers) if (!v.readySent) this.sendReady(v);
    const now = Date.now();
    const live = this.liveFrom.get(batch.partition) ?? 0n;
    // Viewers with a filter or a resume point look at each record; the others get the flush's shared chunk.
    let oneByOne: TailViewer[] | null = null;
    for (const v of this.viewers) if (!v.takesBatches) (oneByOne ??= []).push(v);
    for (const m of batch.messages) {
      const offset = BigInt(m.offset);
      const message = toTopicMessage(batch.partition, m, offset >= live, now, this.topic);
      const entry: TailEntry = { partition: batch.partition, offset, message, frame: encoder.encode(sseEvent(message, { id: message.id })), receivedAt: performance.now() };
      this.nextOffsets.set(batch.partition, offset + 1n);
      this.received++;
      this.ring.push(entry);
      this.pending.push(entry);
      if (oneByOne) for (const v of oneByOne) v.offer(entry);
    }
    this.scheduleFlush();
  }

  /** A viewer has something waiting (see TailViewer.onDirty). */
  private markDirty(v: TailViewer): void {
    this.dirty.add(v);
    this.scheduleFlush();
  }

  /**
   * At most one flush per period, and none later than a period after the last: a record that arrives after a quiet
   * spell goes out at once (with whatever else this tick reads), not a whole period later.
   */
  private scheduleFlush(): void {
    if (this.flushTimer) return;
    const period = Math.max(this.owner.options.flushMs, Math.ceil((this.viewers.size * 1000) / WRITES_PER_SECOND));
    this.flushTimer = setTimeout(() => this.flush(), Math.max(0, this.lastFlushAt + period - performance.now()));
  }

  /** Hands the pending records, as one chunk, to every viewer that takes it, then wakes whoever has something. */
  flush(): void {
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    this.lastFlushAt = performance.now();
    if (this.pending.length > 0) {
      const entries = this.pending;
      this.pending = [];
      const batch: Batch = {
        bytes: entries.length === 1 ? entries[0]!.frame : Buffer.concat(entries.map((e) => e.frame)),
        count: entries.length,
        receivedAt: entries[0]!.receivedAt,
        entries,
      };
      for (const v of this.viewers) {
        if (!v.takesBatches) continue;
        v.offerBatch(batch);
        this.dirty.add(v);
      }
    }
    for (const v of this.dirty) v.wake();
    this.dirty.clear();
  }

  private sendReady(v: TailViewer): void {
    if (!this.ready || v.readySent) return;
    v.readySent = true;
    v.pushControl(encoder.encode(sseEvent({ ...this.ready, resumedAfter: v.resume?.id ?? null } satisfies TailReady, { event: "ready" })));
    if (this.kafkaState) v.pushControl(encoder.encode(sseEvent(this.kafkaState, { event: "tail-state" })));
  }

  addViewer(v: TailViewer): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    // The pending records go to the viewers already here: the newcomer gets them from the ring, once.
    this.flush();
    this.viewers.add(v);
    v.onClose = () => this.removeViewer(v);
    v.onDirty = (x) => this.markDirty(x);
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
    this.dirty.delete(v);
    this.skippedAtClose += v.skippedTotal;
    if (this.viewers.size > 0 || this.state === "closing" || this.state === "closed" || this.state === "failed") return;
    // Also while starting: start() stops early or finishes, then the timer closes the consumer.
    this.idleTimer = setTimeout(() => void this.close(), this.owner.options.idleCloseMs);
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
    this.flush();
    const failure: TailFailure = { code: error.code, message: error.message };
    const frame = encoder.encode(sseEvent(failure, { event: "tail-error" }));
    for (const v of [...this.viewers]) {
      v.pushControl(frame);
      // Let the frame reach the stream before it ends.
      setTimeout(() => v.close(), 50);
    }
    this.owner.forget(this);
    void this.shutdown();
  }

  async close(): Promise<void> {
    if (this.state === "closing" || this.state === "closed" || this.state === "failed") return;
    this.state = "closing";
    this.owner.forget(this);
    await this.shutdown();
    this.state = "closed";
  }

  private async shutdown(): Promise<void> {
    if (this.watchdog) clearInterval(this.watchdog);
    this.watchdog = null;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    this.pending = [];
    const consumer = this.consumer;
    this.consumer = null;
    this.ring.clear();
    if (!consumer) return;
    await consumer.disconnect().catch(() => undefined);
    this.owner.consumerClosed();
    // The group never committed anything; delete it so it does not linger in the groups list.
    await withAdmin("delete the tail's consumer group", (admin) => admin.deleteGroups([this.groupId])).catch(() => undefined);
  }

  stats(): TopicTailStats {
    return { topic: this.topic, state: this.state, groupId: this.groupId, viewers: this.viewers.size, viewersOnSocket: [...this.viewers].filter((v) => v.writesToSocket).length, buffered: this.ring.size, received: this.received, skipped: this.skippedTotal(), partitions: this.partitions };
  }
}
