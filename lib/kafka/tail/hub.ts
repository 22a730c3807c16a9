import "server-only";
import { config } from "../../config";
import { AppError } from "../../errors";
import { withAdmin } from "../admin";
import { unknownTopic } from "../errors";
import { nodeResponse } from "../../http/node-server";
import { parseEventId, sseComment } from "../../http/sse-frames";
import { TopicTail, type TailOwner } from "./topic-tail";
import type { HubOptions, HubStats, OpenTailOptions } from "./types";
import { TailViewer } from "./viewer";

// The live tail hub: ONE kafkajs consumer per watched topic (a TopicTail), whatever the number of viewers (each a
// TailViewer with a bounded queue). A viewer that cannot keep up loses messages (and is told how many); it never
// holds the others back and never grows the server's memory. The hub opens streams, enforces the viewer limit,
// sends heartbeats and keeps the figures.

const encoder = new TextEncoder();
const HEARTBEAT = encoder.encode(sseComment("heartbeat"));

export class TailHub implements TailOwner {
  private readonly tails = new Map<string, TopicTail>();
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
    const parsed = parseEventId(o.lastEventId);
    const resume = parsed ? { id: `${parsed.partition}:${parsed.offset}`, ...parsed } : null;
    const viewer = new TailViewer(this.options.viewerQueue, o.filter, resume, (ms) => this.recordDelay(ms));
    viewer.pushControl(encoder.encode(`retry: 2000\n${sseComment(`live tail of ${topic}`)}`));
    let tail = this.tails.get(topic);
    if (!tail) {
      tail = new TopicTail(this, topic);
      this.tails.set(topic, tail);
      tail.addViewer(viewer);
      void tail.start(resume);
    } else {
      tail.addViewer(viewer);
    }
    this.ensureHeartbeat();
    // On the console's own server the viewer writes to its socket itself (lib/http/node-server.ts).
    return viewer.stream(o.signal, nodeResponse());
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

  forget(tail: TopicTail): void {
    if (this.tails.get(tail.topic) === tail) this.tails.delete(tail.topic);
  }

  consumerOpened(topic: string): void {
    this.consumersOpen++;
    this.consumersOpenedTotal++;
    this.openedByTopic.set(topic, (this.openedByTopic.get(topic) ?? 0) + 1);
  }

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
