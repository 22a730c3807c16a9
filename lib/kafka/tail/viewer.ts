import "server-only";
import type { TailGap } from "../shared/message-types";
import { sseEvent } from "../../http/sse-frames";
import { isEmptyFilter, matchesFilter, type TailFilter } from "../shared/tail-filter";
import type { Batch, Chunk, ResumePoint, TailEntry } from "./types";
import { ViewerQueue } from "./viewer-queue";

// One browser connection. Its queue is bounded (in records); its stream drains it whenever the client can take
// more, as one chunk — one write to the socket per flush. A viewer without a filter or resume point gets the
// flush's shared chunk as it is (no copy, no per-record work); the others get the records they want one by one.

const encoder = new TextEncoder();

export class TailViewer {
  private readonly queue: ViewerQueue<Chunk>;
  private readonly openedAt = performance.now();
  private readonly control: Uint8Array[] = [];
  private waiter: (() => void) | null = null;
  private readonly filterIsEmpty: boolean;
  private resumeChecked = false;
  /** Takes the shared chunk of every flush (no filter, no resume point). */
  readonly takesBatches: boolean;
  readySent = false;
  closed = false;
  lastSentAt = Date.now();
  delivered = 0;
  /** Set by the topic tail that holds this viewer. */
  onClose: (() => void) | null = null;
  /** Set by the topic tail: a record is waiting; wake this viewer at the next flush. */
  onDirty: ((v: TailViewer) => void) | null = null;

  constructor(
    capacity: number,
    readonly filter: TailFilter,
    readonly resume: ResumePoint | null,
    private readonly recordDelay: (ms: number) => void,
  ) {
    this.queue = new ViewerQueue(capacity);
    this.filterIsEmpty = isEmptyFilter(filter);
    this.takesBatches = this.filterIsEmpty && resume === null;
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
          this.queue.push({ bytes: encoder.encode(sseEvent(gap, { event: "gap" })), count: 0, receivedAt: entry.receivedAt }, true, 0);
        }
      }
    }
    if (!this.filterIsEmpty && !matchesFilter(this.filter, entry.message)) return;
    this.queue.push({ bytes: entry.frame, count: 1, receivedAt: entry.receivedAt }, replay || this.waiter !== null);
    this.onDirty?.(this);
  }

  /** A flush's shared chunk (takesBatches viewers only). When only part of it fits, the oldest records go. */
  offerBatch(batch: Batch): void {
    if (this.closed) return;
    const keepingUp = this.waiter !== null;
    if (keepingUp || !this.queue.wouldDrop(batch.count)) this.queue.push(batch, keepingUp, batch.count);
    else for (const e of batch.entries) this.queue.push({ bytes: e.frame, count: 1, receivedAt: e.receivedAt });
  }

  /** Out-of-band frames (ready, errors, heartbeats): never dropped, few; written at once. */
  pushControl(frame: Uint8Array): void {
    if (this.closed) return;
    this.control.push(frame);
    this.wake();
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
    const parts: Uint8Array[] = this.control.length ? this.control.splice(0) : [];
    let first = true;
    for (const e of this.queue.take()) {
      if (e.kind === "item") {
        parts.push(e.item.bytes);
        this.delivered += e.item.count;
        // How long the oldest record of this write waited in the hub (records read before the viewer came do not count).
        if (first && e.item.count > 0 && e.item.receivedAt >= this.openedAt) {
          this.recordDelay(performance.now() - e.item.receivedAt);
          first = false;
        }
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

  /**
   * The viewer's response body: pulled only when the response can take more (highWaterMark 0), so a slow
   * client's backlog stays in its bounded queue; each pull is one chunk of everything waiting.
   */
  stream(signal?: AbortSignal): ReadableStream<Uint8Array> {
    const close = () => this.close();
    if (signal?.aborted) close();
    signal?.addEventListener("abort", close, { once: true });
    return new ReadableStream<Uint8Array>(
      {
        pull: async (controller) => {
          for (;;) {
            const chunk = this.drain();
            if (chunk) {
              controller.enqueue(chunk);
              return;
            }
            if (this.closed) {
              signal?.removeEventListener("abort", close);
              try {
                controller.close();
              } catch {
                // already cancelled
              }
              return;
            }
            await this.wait();
          }
        },
        cancel: close,
      },
      { highWaterMark: 0 },
    );
  }
}
