// A small seedable PRNG (sfc32) for every choice a generator makes, so one seed value reproduces a run.
// Math.random is never used by the generators.
import "server-only";
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max], both included (max − min below 2^32). */
  int(min: number, max: number): number;
  /** Uniform integer in [min, max] for wide ranges (53 bits of randomness), e.g. 11-digit person ids. */
  wideInt(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
}

/** A 32-bit seed drawn from the platform's entropy, used when the caller gives none (then recorded with the run). */
export function randomSeed(): number {
  return Math.floor(Math.random() * 0x1_0000_0000) >>> 0;
}

export function createRng(seed: number): Rng {
  // sfc32 state from the seed through splitmix32, so close seeds give unrelated streams.
  let s = seed >>> 0;
  const splitmix = () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = splitmix();
  let b = splitmix();
  let c = splitmix();
  let d = splitmix();
  const next = () => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return (t >>> 0) / 4294967296;
  };
  for (let i = 0; i < 12; i++) next();
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    wideInt: (min, max) => {
      const r = (Math.floor(next() * 2 ** 21) * 2 ** 32 + Math.floor(next() * 2 ** 32)) / 2 ** 53;
      return min + Math.floor(r * (max - min + 1));
    },
    pick: (items) => items[Math.floor(next() * items.length)],
  };
}
