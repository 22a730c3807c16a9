import "server-only";
import type { ServerResponse } from "node:http";
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
  /** The response's stream, once it exists; it asked for more (a read is pending) while `wanted`. */
  private controller: ReadableStreamDefaultController<Uint8Array> | null = null;
  private wanted = false;
  private detach: (() => void) | null = null;
  /** The Node response this viewer writes to itself, once Next.js has started the body (see stream()). */
  private socket: ServerResponse | null = null;
  private undrain: (() => void) | null = null;
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
    this.queue.push({ bytes: entry.frame, count: 1, receivedAt: entry.receivedAt }, replay || this.wanted);
    this.onDirty?.(this);
  }

  /** A flush's shared chunk (takesBatches viewers only). When only part of it fits, the oldest records go. */
  offerBatch(batch: Batch): void {
    if (this.closed) return;
    const keepingUp = this.wanted;
    if (keepingUp || !this.queue.wouldDrop(batch.count)) this.queue.push(batch, keepingUp, batch.count);
    else for (const e of batch.entries) this.queue.push({ bytes: e.frame, count: 1, receivedAt: e.receivedAt });
  }

  /** Out-of-band frames (ready, errors, heartbeats): never dropped, few; written at once. */
  pushControl(frame: Uint8Array): void {
    if (this.closed) return;
    this.control.push(frame);
    this.wake();
  }

  /**
   * Writes everything waiting as one chunk, if the response can take more; otherwise it stays in the bounded
   * queue until it can (back-pressure per viewer). Synchronous: no promise per write on the server's side.
   */
  wake(): void {
    if (!this.wanted) return;
    const chunk = this.drain();
    if (chunk) this.write(chunk);
    if (this.wanted && this.closed) this.endBody();
  }

  /** One chunk to the socket (false from write(): its buffer is full, wait for "drain") or into the Web stream. */
  private write(chunk: Uint8Array): void {
    const socket = this.socket;
    if (!socket) {
      this.wanted = false; // until the runtime pulls again
      this.controller?.enqueue(chunk);
    } else if (socket.destroyed || socket.writableEnded) {
      this.close(); // the client is gone
    } else {
      this.wanted = socket.write(chunk);
    }
  }

  /** Closed and everything written: ends the body (Next.js then ends the response). */
  private endBody(): void {
    this.wanted = false;
    this.undrain?.();
    this.undrain = null;
    const controller = this.controller;
    this.controller = null;
    try {
      controller?.close();
    } catch {
      // already cancelled
    }
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
    this.detach?.();
    this.detach = null;
    this.wake();
    const cb = this.onClose;
    this.onClose = null;
    cb?.();
  }

  /**
   * The viewer's response body. highWaterMark 0: the runtime asks (pull) only when the socket can take more, so a
   * slow client's backlog stays in its bounded queue; each write is one chunk of everything waiting, pushed by
   * wake() — at the next flush, or at once when something is already waiting.
   *
   * With `socket` (the request's Node response, on the console's own server): Next.js's first read means it has
   * set the status and headers and waits for the body; from then on the viewer writes to the socket itself and
   * leaves that read pending, and back-pressure is the socket's own (write() → false, then "drain"). Ending the
   * stream still ends the response through Next.js.
   */
  stream(signal?: AbortSignal, socket?: ServerResponse | null): ReadableStream<Uint8Array> {
    const close = () => this.close();
    if (signal?.aborted) close();
    signal?.addEventListener("abort", close, { once: true });
    const onDrain = () => {
      this.wanted = true;
      this.wake();
    };
    this.detach = () => signal?.removeEventListener("abort", close);
    return new ReadableStream<Uint8Array>(
      {
        start: (controller) => {
          this.controller = controller;
        },
        pull: () => {
          if (socket && !this.socket && !this.closed) {
            this.socket = socket;
            socket.on("drain", onDrain);
            this.undrain = () => socket.off("drain", onDrain);
          }
          this.wanted = true;
          this.wake();
        },
        cancel: () => {
          this.controller = null;
          close();
          this.undrain?.();
        },
      },
      { highWaterMark: 0 },
    );
  }

  /** True once this viewer writes to its socket itself (see stream()). */
  get writesToSocket(): boolean {
    return this.socket !== null;
  }
}
