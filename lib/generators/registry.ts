import "server-only";
// The console's generators: at most one run of each at a time in this process (and, through the stored
// row's unique index, across processes and the CLI), their live progress, and the stream's listeners.
// A globalThis singleton, so route handlers and hot reloads share it.
import { AppError } from "../errors";
import { db } from "../db";
import { pool } from "../pg/client";
import { GENERATOR_KINDS, type GeneratorKind, type StartParams } from "./shared/params";
import { describeFailure, startRun, type ActiveRun } from "./run/runner";
import { alreadyRunning, RunStore, snapshotFromRow } from "./run/run-store";
import type { GeneratorEvent, GeneratorStates, RunSnapshot } from "./shared/types";

type Listener = (event: GeneratorEvent) => void;

/** How long a stop waits for the batches in flight before answering "stopping". */
const STOP_WAIT_MS = 15_000;

export class GeneratorRegistry {
  private readonly active = new Map<GeneratorKind, ActiveRun>();
  /** Generators whose start is between the check and the stored row (a second start must not slip in). */
  private readonly starting = new Set<GeneratorKind>();
  private readonly listeners = new Set<Listener>();
  readonly store: RunStore;
  private readonly ready: Promise<unknown>;

  constructor() {
    this.store = new RunStore(db(), pool("oltp"));
    // On server start: runs left "running" by a process that died are marked interrupted.
    this.ready = this.store.sweepStale().catch((e: unknown) => console.error(`[generators] stale-run sweep failed: ${(e as Error).message}`));
  }

  async start(params: StartParams, startedBy: string | null): Promise<RunSnapshot> {
    const kind = params.generator;
    const running = this.active.get(kind);
    if (running || this.starting.has(kind)) {
      throw alreadyRunning(kind, running?.snapshot() ?? null);
    }
    this.starting.add(kind);
    try {
      await this.ready;
      const run = await startRun({ params, store: this.store, pool: pool("oltp"), startedBy });
      this.active.set(kind, run);
      this.emit({ type: "progress", run: run.snapshot() });
      void run.done.then((final) => {
        this.active.delete(kind);
        this.emit({ type: "ended", run: final });
      });
      return run.snapshot();
    } finally {
      this.starting.delete(kind);
    }
  }

  /**
   * Stops `kind`: the batches in flight commit, then the run ends as "stopped". A run of another process
   * (the CLI, another console) is asked through its stored row and stops at its next heartbeat.
   */
  async stop(kind: GeneratorKind): Promise<RunSnapshot> {
    const run = this.active.get(kind);
    if (run) {
      run.stop();
      this.emit({ type: "progress", run: run.snapshot() });
      const timeout = new Promise<null>((r) => setTimeout(() => r(null), STOP_WAIT_MS).unref?.());
      return (await Promise.race([run.done, timeout])) ?? run.snapshot();
    }
    const row = await this.store.requestStop(kind);
    if (!row) throw new AppError(409, "generator_not_running", `The ${kind} generator is not running: there is nothing to stop.`, "console", { params: { generator: kind } });
    return snapshotFromRow(row);
  }

  /** Each generator's live run in this process, else its stored running or latest run. */
  async states(): Promise<GeneratorStates> {
    await this.ready;
    const stored = await this.store.latestPerGenerator();
    const out = {} as GeneratorStates;
    for (const g of GENERATOR_KINDS) out[g] = this.active.get(g)?.snapshot() ?? stored[g];
    return out;
  }

  /** The latest stored runs, newest first, with the live counters of this process's runs. */
  async recentRuns(limit: number, generator?: GeneratorKind): Promise<RunSnapshot[]> {
    const live = new Map(this.liveRuns().map((r) => [r.id, r]));
    try {
      return (await this.store.recent(limit, generator)).map((r) => live.get(r.id) ?? r);
    } catch (e) {
      if (e instanceof AppError) throw e;
      throw new AppError(503, "console_db_unavailable", `Could not read the stored runs from the console database: ${describeFailure(e)}`, "postgres", { detail: describeFailure(e) });
    }
  }

  /** Live snapshots of the runs in this process. */
  liveRuns(): RunSnapshot[] {
    return [...this.active.values()].map((r) => r.snapshot());
  }

  isLive(kind: GeneratorKind): boolean {
    return this.active.has(kind);
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(event: GeneratorEvent): void {
    for (const l of this.listeners) {
      try {
        l(event);
      } catch {
        // a listener's failure (a closed stream) must not stop the others
      }
    }
  }
}

const globalForGenerators = globalThis as unknown as { labConsoleGenerators?: GeneratorRegistry };

export function generatorRegistry(): GeneratorRegistry {
  globalForGenerators.labConsoleGenerators ??= new GeneratorRegistry();
  return globalForGenerators.labConsoleGenerators;
}
