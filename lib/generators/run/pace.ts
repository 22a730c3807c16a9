// Time-based pacing: event k (0-based) is due at start + (k + 1) / rate. Counting from the start (not from
// the last batch) means slow batches are caught up and the achieved rate does not drift.
import "server-only";
export class Pacer {
  private start = 0;
  constructor(
    /** Events per second; null = as fast as possible. */
    private readonly rate: number | null,
    private readonly now: () => number = () => performance.now(),
  ) {}

  begin(): void {
    this.start = this.now();
  }

  /** How many events may start by time `at` (default now), given `claimed` already started, capped at `max`. */
  due(claimed: number, max: number, at: number = this.now()): number {
    if (this.rate === null) return max;
    const elapsedS = (at - this.start) / 1000;
    return Math.max(0, Math.min(max, Math.floor(elapsedS * this.rate + 1e-9) - claimed));
  }

  /** Milliseconds until the next event (number `claimed`) is due. */
  waitMs(claimed: number): number {
    if (this.rate === null) return 0;
    const dueAt = this.start + ((claimed + 1) / this.rate) * 1000;
    return Math.max(0, dueAt - this.now());
  }
}

/** Resolves after `ms`, or at once when `signal` aborts. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted || ms <= 0) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener("abort", done, { once: true });
  });
}
