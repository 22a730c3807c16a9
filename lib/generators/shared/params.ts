// What each generator accepts: one zod schema per generator, shared by the console's forms, the route
// handlers (422 on bad input) and the CLI. Browser-safe (no I/O).
import { z } from "zod";

export const GENERATOR_KINDS = ["historical", "streaming", "cdc"] as const;
export type GeneratorKind = (typeof GENERATOR_KINDS)[number];
export const generatorKind = z.enum(GENERATOR_KINDS);

/** Slowest pace: one event every 100 s (a smaller rate would overflow Node's timers into a 1 ms loop). */
export const MIN_RATE = 0.01;
export const MAX_RATE = 100_000;
export const MAX_BATCH = 20_000;
export const MAX_EVENTS = 100_000_000;

/** Events per second; null (or absent) = as fast as possible. */
const rate = z.number().min(MIN_RATE).max(MAX_RATE).nullable();
const seed = z.number().int().min(0).max(0xffff_ffff).optional();
const fraudShare = z.number().min(0).max(1);
const durationS = z.number().int().min(1).max(7 * 24 * 3600).optional();
const batchSize = z.number().int().min(1).max(MAX_BATCH);

export const historicalParams = z.strictObject({
  generator: z.literal("historical"),
  /** How many orders to add (the run ends there, or at durationS, whichever comes first). */
  orders: z.number().int().min(1).max(MAX_EVENTS).default(100_000),
  fraudShare: fraudShare.default(0.01),
  rate: rate.default(null),
  durationS,
  batchSize: batchSize.default(5_000),
  /** Parallel database connections (each inserts whole batches). */
  connections: z.number().int().min(1).max(4).default(2),
  seed,
});

export const streamingParams = z.strictObject({
  generator: z.literal("streaming"),
  /** Orders per second; each order comes with one new person, as in the seed (10 people + 10 orders a cycle). */
  rate: rate.default(2),
  fraudShare: fraudShare.default(0.05),
  /** Stop after this many orders (absent: run until stopped or until durationS). */
  orders: z.number().int().min(1).max(MAX_EVENTS).optional(),
  durationS,
  /** Most orders in one transaction when the rate asks for several at once. */
  batchSize: batchSize.default(500),
  seed,
});

export const cdcParams = z.strictObject({
  generator: z.literal("cdc"),
  /** Operations per second (the seed: one every 3–5 s). */
  rate: rate.default(0.25),
  /** Stop after this many operations (absent: run until stopped or until durationS). */
  operations: z.number().int().min(1).max(MAX_EVENTS).optional(),
  durationS,
  /** "all": update and delete any person (without orders, for deletes); "own": only people this run inserted. */
  scope: z.enum(["all", "own"]).default("all"),
  seed,
});

/** The start request: one of the three, told apart by `generator`. */
export const startParams = z.discriminatedUnion("generator", [historicalParams, streamingParams, cdcParams]);

export type HistoricalParams = z.infer<typeof historicalParams>;
export type StreamingParams = z.infer<typeof streamingParams>;
export type CdcParams = z.infer<typeof cdcParams>;
export type StartParams = z.infer<typeof startParams>;
export type StartInput = z.input<typeof startParams>;

export const stopParams = z.strictObject({ generator: generatorKind });
