import "server-only";
import { randomBytes } from "node:crypto";
import type { Consumer, EachBatchPayload, KafkaMessage } from "kafkajs";
import { topicOffsets, withAdmin } from "../../kafka/admin";
import { kafka } from "../../kafka/client";
import { CONSOLE_GROUP_PREFIX } from "../../kafka/topics/topics";
import { processWide } from "../../process-wide";

// The traces' readers of Kafka: ONE consumer per watched topic (the project's rule), shared by every running trace
// of that topic and closed a while after the last one ends. Not the tail hub's consumer: the hub hands its viewers
// framed SSE bytes through bounded queues that may skip records under load, and positions itself for a backfill;
// a trace must see every record from the end offsets it read before its change, and nothing before them.

/** A running trace's interest in a topic: every record at or after `from` (per partition) is offered to `offer`. */
export interface TopicWatcher {
  from: Map<number, bigint>;
  /** Return true when the record is the one: the watcher is removed. */
  offer(partition: number, m: KafkaMessage, noticedAt: number): boolean;
}

const IDLE_CLOSE_MS = 30_000;

class TopicReader {
  private consumer: Consumer | null = null;
  private readonly watchers = new Set<TopicWatcher>();
  private readonly next = new Map<number, bigint>();
  private joined: Promise<void> | null = null;
  private idleTimer: NodeJS.Timeout | null = null;
  private closing = false;
  private readonly groupId: string;

  constructor(
    readonly topic: string,
    private readonly onClosed: () => void,
  ) {
    this.groupId = `${CONSOLE_GROUP_PREFIX}trace-${topic}-${randomBytes(4).toString("hex")}`;
  }

  /** Adds a watcher; resolves once the consumer is positioned at (or before) the watcher's offsets. */
  async watch(w: TopicWatcher): Promise<() => void> {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = null;
    this.watchers.add(w);
    const remove = () => this.unwatch(w);
    try {
      if (!this.joined) this.joined = this.start();
      await this.joined;
      // Already past the watcher's start (another trace moved it on): go back; the others ignore what they saw.
      for (const [p, from] of w.from) {
        const at = this.next.get(p);
        if (at === undefined || at > from) this.seek(p, from);
      }
    } catch (e) {
      remove();
      throw e;
    }
    return remove;
  }

  private seek(partition: number, offset: bigint): void {
    this.next.set(partition, offset);
    this.consumer?.seek({ topic: this.topic, partition, offset: String(offset) });
  }

  private start(): Promise<void> {
    const consumer = kafka().consumer({
      groupId: this.groupId,
      allowAutoTopicCreation: false,
      maxWaitTimeInMs: 100,
      sessionTimeout: 30_000,
      heartbeatInterval: 3_000,
    });
    this.consumer = consumer;
    return new Promise<void>((resolve, reject) => {
      let done = false;
      consumer.on(consumer.events.GROUP_JOIN, () => {
        // Every (re)join: position each partition at the earliest offset a watcher still needs (never committed).
        for (const w of this.watchers) for (const [p, from] of w.from) if (!this.next.has(p) || this.next.get(p)! > from) this.next.set(p, from);
        for (const [p, offset] of this.next) consumer.seek({ topic: this.topic, partition: p, offset: String(offset) });
        if (!done) {
          done = true;
          resolve();
        }
      });
      consumer.on(consumer.events.CRASH, (event) => {
        if (!done) {
          done = true;
          reject(event.payload.error);
        }
        if (!event.payload.restart) void this.close();
      });
      (async () => {
        await consumer.connect();
        await consumer.subscribe({ topics: [this.topic], fromBeginning: false });
        await consumer.run({ autoCommit: false, eachBatchAutoResolve: true, eachBatch: (p) => this.onBatch(p) });
      })().catch((e) => {
        if (!done) {
          done = true;
          reject(e);
        }
        void this.close();
      });
    });
  }

  private async onBatch({ batch }: EachBatchPayload): Promise<void> {
    const noticedAt = Date.now();
    for (const m of batch.messages) {
      const offset = BigInt(m.offset);
      this.next.set(batch.partition, offset + 1n);
      for (const w of [...this.watchers]) {
        const from = w.from.get(batch.partition) ?? 0n;
        if (offset < from) continue;
        if (w.offer(batch.partition, m, noticedAt)) this.unwatch(w);
      }
    }
  }

  private unwatch(w: TopicWatcher): void {
    if (!this.watchers.delete(w) || this.watchers.size > 0 || this.closing) return;
    this.idleTimer = setTimeout(() => void this.close(), IDLE_CLOSE_MS);
    this.idleTimer.unref?.();
  }

  async close(): Promise<void> {
    if (this.closing) return;
    this.closing = true;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.onClosed();
    if (!this.consumer) return;
    await this.consumer.disconnect().catch(() => undefined);
    // The group never commits, but Kafka keeps an empty group until it expires: delete it now.
    await withAdmin(`delete the consumer group "${this.groupId}"`, (admin) => admin.deleteGroups([this.groupId])).catch(() => undefined);
  }
}

const readers = () =>
  processWide("pipeline-trace-readers", () => {
    const all = new Map<string, TopicReader>();
    // Inside the Next server: close the consumers and delete their groups when it stops.
    if (process.env.NEXT_RUNTIME) for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => void closeTraceReaders());
    return all;
  });

/** Closes every trace reader now and deletes its group (shutdown, tests, benchmarks). */
export async function closeTraceReaders(): Promise<void> {
  await Promise.all([...readers().values()].map((r) => r.close()));
}

/** The topic's end offsets now (partition → high watermark), or an empty map when the topic does not exist yet. */
export async function endOffsets(topic: string): Promise<Map<number, bigint>> {
  return withAdmin(`read the end offsets of "${topic}"`, async (admin) => {
    const names = await admin.listTopics();
    if (!names.includes(topic)) return new Map();
    return new Map((await topicOffsets(admin, topic)).map((o) => [o.partition, BigInt(o.high)]));
  });
}

/** Watches `topic` through its shared reader; resolves when the reader is positioned, with the function that stops watching. */
export function watchTopic(topic: string, w: TopicWatcher): Promise<() => void> {
  const all = readers();
  let r = all.get(topic);
  if (!r) {
    const reader = new TopicReader(topic, () => {
      if (all.get(topic) === reader) all.delete(topic);
    });
    all.set(topic, reader);
    r = reader;
  }
  return r.watch(w);
}

