// Live counters of one run: rows per table, fraud, errors, and the current and average event rate.
import "server-only";
import { ZERO_COUNTS, type RunCounts } from "../shared/types";

const WINDOW_MS = 3_000;

export class Progress {
  readonly counts: RunCounts = { ...ZERO_COUNTS };
  lastError: string | null = null;
  private readonly startedAt: number;
  private endedAt: number | null = null;
  /** (time, events) samples of the last few seconds, for the current rate. */
  private samples: Array<[number, number]> = [];

  constructor(private readonly now: () => number = () => performance.now()) {
    this.startedAt = now();
    this.samples.push([this.startedAt, 0]);
  }

  add(delta: Partial<RunCounts>): void {
    for (const [k, v] of Object.entries(delta) as Array<[keyof RunCounts, number]>) this.counts[k] += v;
    const t = this.now();
    this.samples.push([t, this.counts.events]);
    // keep one sample older than the window so the rate covers the whole window
    while (this.samples.length > 2 && this.samples[1][0] < t - WINDOW_MS) this.samples.shift();
  }

  error(message: string): void {
    this.counts.errors += 1;
    this.lastError = message;
  }

  end(): void {
    this.endedAt ??= this.now();
  }

  elapsedMs(): number {
    return (this.endedAt ?? this.now()) - this.startedAt;
  }

  averageRate(): number {
    const s = this.elapsedMs() / 1000;
    return s > 0 ? this.counts.events / s : 0;
  }

  /** Events per second over the last WINDOW_MS (0 once the run has ended). */
  currentRate(): number {
    if (this.endedAt !== null) return 0;
    const t = this.now();
    const from = t - WINDOW_MS;
    const [t0, e0] = this.samples[0][0] >= from ? this.samples[0] : [from, interpolate(this.samples, from)];
    const span = (t - t0) / 1000;
    return span > 0.2 ? (this.counts.events - e0) / span : 0;
  }
}

function interpolate(samples: Array<[number, number]>, at: number): number {
  for (let i = 1; i < samples.length; i++) {
    const [t1, e1] = samples[i];
    if (t1 >= at) {
      const [t0, e0] = samples[i - 1];
      return t1 === t0 ? e1 : e0 + ((e1 - e0) * (at - t0)) / (t1 - t0);
    }
  }
  return samples[samples.length - 1][1];
}

/**
 * THE average rate of a run, wherever it is shown (the live card, the runs table, the API): its events over the
 * run's stored start and end (or now, while it runs). Both places read the same row's timestamps, so a finished
 * run shows one figure — the card's own clock started later and stopped earlier than the stored run.
 */
export function runRate(run: { counts: { events: number }; startedAt: string | Date; endedAt: string | Date | null }, now: number = Date.now()): number {
  const start = new Date(run.startedAt).getTime();
  const end = run.endedAt === null ? now : new Date(run.endedAt).getTime();
  const seconds = (end - start) / 1000;
  return seconds > 0 ? run.counts.events / seconds : 0;
}
