// A viewer's bounded queue: when the viewer cannot keep up, new items are dropped and counted, and the count
// is delivered as one "skipped" marker in their place. Memory stays bounded; other viewers are not involved. Pure.

// An item may stand for several messages (a batch shared by every viewer): its weight counts against the capacity.
import "server-only";
export type QueueEntry<T> = { kind: "item"; item: T } | { kind: "skipped"; count: number };

export class ViewerQueue<T> {
  private entries: QueueEntry<T>[] = [];
  private weights: number[] = [];
  private head = 0;
  /** Sum of the weights of the items waiting. */
  private size = 0;
  private pendingSkipped = 0;
  /** Total items dropped over the queue's life. */
  droppedTotal = 0;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new Error(`queue capacity must be a positive integer, got ${capacity}`);
  }

  get length(): number {
    return this.entries.length - this.head;
  }

  /** True when an item of this weight would be dropped now (unless the viewer is keeping up). */
  wouldDrop(weight = 1): boolean {
    return this.size + weight > this.capacity;
  }

  /**
   * False when the item was dropped. `keepingUp`: the viewer's stream is waiting for data right now, so
   * whatever arrives before the next flush goes out in one write — a burst larger than the capacity is then
   * not a reason to drop anything.
   */
  push(item: T, keepingUp = false, weight = 1): boolean {
    if (!keepingUp && this.size + weight > this.capacity) {
      this.pendingSkipped += weight;
      this.droppedTotal += weight;
      return false;
    }
    this.flushSkipped();
    this.entries.push({ kind: "item", item });
    this.weights.push(weight);
    this.size += weight;
    return true;
  }

  /** True when take() would return something. */
  get hasPending(): boolean {
    return this.length > 0 || this.pendingSkipped > 0;
  }

  /** Up to `max` entries, oldest first, with a skip marker where items were dropped. */
  take(max = Infinity): QueueEntry<T>[] {
    const end = Math.min(this.entries.length, this.head + max);
    const out = this.entries.slice(this.head, end);
    for (let i = this.head; i < end; i++) this.size -= this.weights[i]!;
    this.head = end;
    if (this.length === 0 && this.pendingSkipped > 0) {
      out.push({ kind: "skipped", count: this.pendingSkipped });
      this.pendingSkipped = 0;
    }
    if (this.head > 1024 && this.head * 2 > this.entries.length) {
      this.entries = this.entries.slice(this.head);
      this.weights = this.weights.slice(this.head);
      this.head = 0;
    }
    return out;
  }

  private flushSkipped(): void {
    if (this.pendingSkipped > 0) {
      this.entries.push({ kind: "skipped", count: this.pendingSkipped });
      this.weights.push(0);
      this.pendingSkipped = 0;
    }
  }
}
