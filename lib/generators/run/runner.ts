// One run from start to end: its stored row, its heartbeat, the engine, the final status. Shared by the
// console's registry and the CLI.
import "server-only";
import type pg from "pg";
import { AppError, networkFailure } from "../../errors";
import { runGenerator } from "./engine";
import type { GeneratorKind, StartParams } from "../shared/params";
import { Progress, runRate } from "./progress";
import { randomSeed } from "../rows/random";
import type { RunStore } from "./run-store";
import type { IdRange } from "./sql";
import { targetOf } from "./targets";
import type { RunSnapshot, RunStatus } from "../shared/types";

const BEAT_MS = 1_000;

export interface ActiveRun {
  id: bigint;
  generator: GeneratorKind;
  /** The parameters with the seed actually used, so the run can be reproduced. */
  params: StartParams;
  progress: Progress;
  /** Asks the run to stop: the batches in flight commit, nothing new starts. */
  stop(): void;
  snapshot(): RunSnapshot;
  /** Settles with the final snapshot once the run ended (never rejects). */
  done: Promise<RunSnapshot>;
}

export interface StartRunOptions {
  params: StartParams;
  store: RunStore;
  /** A pool on the OLTP database. */
  pool: pg.Pool;
  startedBy: string | null;
}

export async function startRun({ params: asked, store, pool, startedBy }: StartRunOptions): Promise<ActiveRun> {
  const params = { ...asked, seed: asked.seed ?? randomSeed() } as StartParams;
  const row = await store.create(params, startedBy);
  const progress = new Progress();
  const controller = new AbortController();
  let status: RunStatus = "running";
  let endedAt: Date | null = null;
  let failure: string | null = null;

  const snapshot = (): RunSnapshot => ({
    id: row.id.toString(),
    generator: params.generator,
    status: status === "running" && controller.signal.aborted ? "stopping" : status,
    params,
    counts: { ...progress.counts },
    currentRate: progress.currentRate(),
    averageRate: runRate({ counts: progress.counts, startedAt: row.startedAt, endedAt }),
    target: targetOf(params),
    startedAt: row.startedAt.toISOString(),
    endedAt: endedAt?.toISOString() ?? null,
    startedBy,
    error: failure ?? progress.lastError,
  });

  let beating = false;
  const beat = setInterval(() => {
    if (beating) return;
    beating = true;
    store
      .beat(row.id, progress.counts, progress.lastError)
      .then((stopRequested) => {
        if (stopRequested) controller.abort();
      })
      .catch(() => undefined) // the console database hiccuped: the next beat tries again
      .finally(() => {
        beating = false;
      });
  }, BEAT_MS);
  beat.unref?.();

  const recordIds = (ranges: IdRange[]) => store.addPedidosRanges(row.id, ranges);
  const done = runGenerator(params, { pool, signal: controller.signal, progress, seed: params.seed!, recordIds })
    .then(() => {
      status = controller.signal.aborted ? "stopped" : "finished";
    })
    .catch((e: unknown) => {
      status = "failed";
      failure = describeFailure(e);
    })
    .then(async () => {
      clearInterval(beat);
      progress.end();
      endedAt = new Date();
      // kept in memory and retried until the console database takes it (an outage of the server often ended the run)
      await store.settle(row.id, status, { ...progress.counts }, failure ?? (status === "failed" ? null : progress.lastError), endedAt);
      return snapshot();
    });

  return { id: row.id, generator: params.generator, params, progress, stop: () => controller.abort(), snapshot, done };
}

/** A failure's message with its cause and, where we know it, the fix. */
export function describeFailure(e: unknown): string {
  if (e instanceof AppError) return e.message;
  const message = e instanceof Error ? e.message : String(e);
  const net = networkFailure(e);
  if (net) return `PostgreSQL (OLTP) unreachable (${net}): ${message}. Is the lab up? Run \`npm run lab:up\`.`;
  const code = (e as { code?: string })?.code;
  return code ? `PostgreSQL error ${code}: ${message}` : message;
}
