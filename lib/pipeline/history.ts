// The last hour of every pipeline series, in fixed-size ring buffers: memory is bounded by SERIES_LIMIT ×
// POINTS_PER_SERIES × 16 bytes (≈ 11 MB at the limits) however long the console runs. Pure.

import "server-only";
import type { SeriesKind, SeriesPoints } from "./shared/metrics";

export type { SeriesKind, SeriesPoints };

/** One hour at one sample every 2 s. */
export const POINTS_PER_SERIES = 1800;
export const HISTORY_MS = 60 * 60 * 1000;
/** More series than this: the one updated longest ago goes first. */
export const SERIES_LIMIT = 400;

class Ring {
  readonly t = new Float64Array(POINTS_PER_SERIES);
  readonly v = new Float64Array(POINTS_PER_SERIES);
  start = 0;
  length = 0;
  lastAt = 0;

  push(at: number, value: number | null) {
    const i = (this.start + this.length) % POINTS_PER_SERIES;
    this.t[i] = at;
    this.v[i] = value === null ? Number.NaN : value;
    if (this.length < POINTS_PER_SERIES) this.length++;
    else this.start = (this.start + 1) % POINTS_PER_SERIES;
    this.lastAt = at;
  }

  since(from: number): [number, number | null][] {
    const out: [number, number | null][] = [];
    for (let k = 0; k < this.length; k++) {
      const i = (this.start + k) % POINTS_PER_SERIES;
      if (this.t[i]! < from) continue;
      const v = this.v[i]!;
      out.push([this.t[i]!, Number.isNaN(v) ? null : v]);
    }
    return out;
  }
}

export class History {
  private readonly series = new Map<string, { kind: SeriesKind; ring: Ring }>();

  record(kind: SeriesKind, key: string, at: number, value: number | null) {
    const id = `${kind}|${key}`;
    let s = this.series.get(id);
    if (!s) {
      if (this.series.size >= SERIES_LIMIT) this.evictOldest();
      s = { kind, ring: new Ring() };
      this.series.set(id, s);
    }
    s.ring.push(at, value);
  }

  private evictOldest() {
    let oldest: string | null = null;
    let at = Infinity;
    for (const [id, s] of this.series) {
      if (s.ring.lastAt < at) {
        at = s.ring.lastAt;
        oldest = id;
      }
    }
    if (oldest) this.series.delete(oldest);
  }

  /** Series of one kind (all, or the given keys), points of the last hour before `now`. */
  read(kind: SeriesKind, keys: string[] | null, now: number): SeriesPoints[] {
    const out: SeriesPoints[] = [];
    for (const [id, s] of this.series) {
      if (s.kind !== kind) continue;
      const key = id.slice(kind.length + 1);
      if (keys && !keys.includes(key)) continue;
      out.push({ key, kind, points: s.ring.since(now - HISTORY_MS) });
    }
    return out.sort((a, b) => a.key.localeCompare(b.key));
  }

  get size() {
    return this.series.size;
  }
}

/** Per second between two counter readings; null when there is no earlier reading or the counter went back (reset). */
export function ratePerSecond(previous: { at: number; value: number } | undefined, at: number, value: number): number | null {
  if (!previous || at <= previous.at || value < previous.value) return null;
  return ((value - previous.value) * 1000) / (at - previous.at);
}
