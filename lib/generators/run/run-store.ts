// Stored generator runs (console database, table generator_runs) through Prisma. The
// console passes lib/db.ts's client, the CLI its own.
import "server-only";
import { readFileSync } from "node:fs";
import { hostname } from "node:os";
import { AppError } from "../../errors";
import type { GeneratorRun, PrismaClient } from "../../generated/prisma/client";
import { processWide } from "../../process-wide";
import { countCommittedOrders, type Db, type IdRange } from "./sql";
import { GENERATOR_KINDS, type GeneratorKind, type StartParams } from "../shared/params";
import { ZERO_COUNTS, type GeneratorStates, type RunCounts, type RunSnapshot, type RunStatus } from "../shared/types";
import { targetOf } from "./targets";
import { runRate } from "./progress";

/** A "running" row whose heartbeat is older than this belongs to a process that died. */
export const STALE_AFTER_MS = 15_000;
/** How long a run's outcome is kept in memory and retried when the console database cannot take it. */
export const SETTLE_FOR_MS = 5 * 60_000;
const SETTLE_BACKOFF_MS = { first: 250, max: 4_000 };

/** This process, as stored in a run's `owner`. */
export const THIS_OWNER = `${hostname()}:${process.pid}`;

/** Runs of this process whose outcome is not stored yet (the console database was down): never swept. */
const unsettled = processWide("generator-runs-unsettled", () => new Set<bigint>());

/** True when `owner` is a process of this host that no longer exists. */
export function ownerGone(owner: string | null): boolean {
  if (!owner) return false;
  const at = owner.lastIndexOf(":");
  const host = owner.slice(0, at);
  const pid = Number(owner.slice(at + 1));
  if (host !== hostname() || !Number.isInteger(pid) || pid <= 0 || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "ESRCH";
  }
  // a killed process whose parent has not reaped it yet is a zombie: dead all the same (Linux's /proc)
  try {
    return /^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, "utf8"));
  } catch {
    return false;
  }
}

export class RunStore {
  /** `oltp`: the OLTP database, to count a recovered run's committed orders (without it, its stored counts stay). */
  constructor(
    private readonly prisma: PrismaClient,
    private readonly oltp: Db | null = null,
  ) {}

  /**
   * Marks runs whose process is gone (its heartbeat aged past STALE_AFTER_MS, or its owner is a dead process of
   * this host) as interrupted, with the counts of the orders they committed read from the database; returns how many.
   */
  async sweepStale(): Promise<number> {
    const staleBefore = new Date(Date.now() - STALE_AFTER_MS);
    const running = await this.prisma.generatorRun.findMany({ where: { status: "running" } });
    let swept = 0;
    for (const row of running) {
      if (unsettled.has(row.id)) continue;
      if (!(row.heartbeatAt < staleBefore || ownerGone(row.owner))) continue;
      const { counts, note } = await this.recoveredCounts(row);
      const res = await this.prisma.generatorRun.updateMany({
        where: { id: row.id, status: "running" },
        data: {
          status: "interrupted",
          endedAt: new Date(),
          counts: { ...counts },
          error: `The process running this generator stopped (server restart or crash) before the run ended.${note}`,
        },
      });
      swept += res.count;
    }
    return swept;
  }

  /** A dead run's counts: its orders counted in the OLTP database from the ids it reserved, else what it stored. */
  private async recoveredCounts(row: GeneratorRun): Promise<{ counts: RunCounts; note: string }> {
    const stored = { ...ZERO_COUNTS, ...(row.counts as Partial<RunCounts>) };
    const ranges = (row.pedidosRanges ?? []) as IdRange[];
    if (!this.oltp || ranges.length === 0 || (row.generator !== "historical" && row.generator !== "streaming")) return { counts: stored, note: "" };
    try {
      const found = await countCommittedOrders(this.oltp, ranges);
      const counts: RunCounts = {
        ...stored,
        events: found.pedidos,
        pedidos: found.pedidos,
        itensPedidos: found.itensPedidos,
        auditoriaPedidos: found.auditoriaPedidos,
        fraud: found.fraud,
        // the streaming generator adds one person per order, in the order's transaction
        pessoas: row.generator === "streaming" ? stored.pessoas + Math.max(0, found.pedidos - stored.pedidos) : stored.pessoas,
      };
      return { counts, note: ` Counts read from the database: ${found.pedidos} orders committed.` };
    } catch (e) {
      return { counts: stored, note: ` Counts are the last heartbeat's (the database could not be read: ${(e as Error).message}).` };
    }
  }

  /** Appends pedidos id ranges the run reserved (before it writes them). */
  async addPedidosRanges(id: bigint, ranges: readonly IdRange[]): Promise<void> {
    await this.prisma.$executeRaw`UPDATE generator_runs SET pedidos_ranges = pedidos_ranges || ${JSON.stringify(ranges)}::jsonb WHERE id = ${id}`;
  }

  /** A new running row; refused (409) when that generator already runs anywhere (index generator_runs_one_running_idx). */
  async create(params: StartParams, startedBy: string | null): Promise<GeneratorRun> {
    await this.sweepStale();
    try {
      return await this.prisma.generatorRun.create({
        data: { generator: params.generator, status: "running", params: params as object, counts: { ...ZERO_COUNTS }, startedBy, owner: THIS_OWNER },
      });
    } catch (e) {
      if (!isUniqueViolation(e)) throw e;
      const running = await this.prisma.generatorRun.findFirst({ where: { generator: params.generator, status: "running" } });
      throw alreadyRunning(params.generator, running && snapshotFromRow(running));
    }
  }

  /** Saves counts and beats; answers whether someone asked this run to stop. */
  async beat(id: bigint, counts: RunCounts, error: string | null): Promise<boolean> {
    const row = await this.prisma.generatorRun.update({
      where: { id },
      data: { counts: { ...counts }, heartbeatAt: new Date(), ...(error ? { error } : {}) },
      select: { stopRequestedAt: true },
    });
    return row.stopRequestedAt !== null;
  }

  /** `endedAt`: the instant the runner's own snapshot reports, so the stored run and the live card agree. */
  async finish(id: bigint, status: RunStatus, counts: RunCounts, error: string | null, endedAt: Date = new Date()): Promise<GeneratorRun> {
    return this.prisma.generatorRun.update({ where: { id }, data: { status, counts: { ...counts }, error, endedAt, heartbeatAt: endedAt } });
  }

  /**
   * Stores a run's outcome, retrying with backoff while the console database is unreachable (it often shares
   * the server whose outage ended the run), for at most `forMs`: until then the outcome waits in memory and no
   * sweep marks the run interrupted. Returns false when it gave up.
   */
  async settle(id: bigint, status: RunStatus, counts: RunCounts, error: string | null, endedAt: Date, forMs = SETTLE_FOR_MS): Promise<boolean> {
    unsettled.add(id);
    const giveUpAt = Date.now() + forMs;
    try {
      for (let wait = SETTLE_BACKOFF_MS.first; ; wait = Math.min(wait * 2, SETTLE_BACKOFF_MS.max)) {
        try {
          await this.finish(id, status, counts, error, endedAt);
          return true;
        } catch (e) {
          if (Date.now() + wait > giveUpAt) {
            console.error(`[generators] gave up storing the end of run #${id} (${status}${error ? `: ${error}` : ""}): ${(e as Error).message}`);
            return false;
          }
          await new Promise((r) => setTimeout(r, wait));
        }
      }
    } finally {
      unsettled.delete(id);
    }
  }

  /** Asks the process running `generator` to stop; returns the run, or null when none runs. */
  async requestStop(generator: GeneratorKind): Promise<GeneratorRun | null> {
    await this.sweepStale();
    const running = await this.prisma.generatorRun.findFirst({ where: { generator, status: "running" } });
    if (!running) return null;
    return this.prisma.generatorRun.update({ where: { id: running.id }, data: { stopRequestedAt: new Date() } });
  }

  async get(id: bigint): Promise<GeneratorRun | null> {
    return this.prisma.generatorRun.findUnique({ where: { id } });
  }

  async recent(limit: number, generator?: GeneratorKind): Promise<RunSnapshot[]> {
    const rows = await this.prisma.generatorRun.findMany({ where: generator ? { generator } : {}, orderBy: { startedAt: "desc" }, take: limit });
    return rows.map(snapshotFromRow);
  }

  /** Each generator's running run, else its latest one. */
  async latestPerGenerator(): Promise<GeneratorStates> {
    await this.sweepStale();
    const entries = await Promise.all(
      GENERATOR_KINDS.map(async (g) => {
        const row =
          (await this.prisma.generatorRun.findFirst({ where: { generator: g, status: "running" } })) ??
          (await this.prisma.generatorRun.findFirst({ where: { generator: g }, orderBy: { startedAt: "desc" } }));
        return [g, row ? snapshotFromRow(row) : null] as const;
      }),
    );
    return Object.fromEntries(entries) as GeneratorStates;
  }
}

export function alreadyRunning(generator: GeneratorKind, running: Pick<RunSnapshot, "id" | "startedAt" | "startedBy"> | null): AppError {
  const which = running ? ` (run #${running.id}, started ${running.startedAt}${running.startedBy ? ` by ${running.startedBy}` : ""})` : "";
  return new AppError(
    409,
    "generator_running",
    `The ${generator} generator is already running${which}. Only one run of each generator at a time: stop it first, or wait until it ends.`,
    "console",
    { params: { generator, run: running?.id ?? "", startedAt: running?.startedAt ?? "", startedBy: running?.startedBy ?? "" } },
  );
}

function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: string; message?: string; meta?: unknown };
  return err?.code === "P2002" || err?.code === "23505" || /generator_runs_one_running_idx|Unique constraint/i.test(String(err?.message ?? ""));
}

export function snapshotFromRow(row: GeneratorRun): RunSnapshot {
  const counts = { ...ZERO_COUNTS, ...(row.counts as Partial<RunCounts>) };
  const params = row.params as unknown as StartParams;
  const end = row.endedAt ?? (row.status === "running" ? new Date() : row.heartbeatAt);
  const status: RunStatus = row.status === "running" && row.stopRequestedAt ? "stopping" : (row.status as RunStatus);
  return {
    id: row.id.toString(),
    generator: row.generator as GeneratorKind,
    status,
    params,
    counts,
    currentRate: 0,
    averageRate: runRate({ counts, startedAt: row.startedAt, endedAt: end }),
    target: targetOf(params),
    startedAt: row.startedAt.toISOString(),
    endedAt: row.endedAt?.toISOString() ?? null,
    startedBy: row.startedBy,
    error: row.error,
  };
}
