// Stored generator runs (console database, table generator_runs) through Prisma. The
// console passes lib/db.ts's client, the CLI its own.
import "server-only";
import { AppError } from "../../errors";
import type { GeneratorRun, PrismaClient } from "../../generated/prisma/client";
import { GENERATOR_KINDS, type GeneratorKind, type StartParams } from "../shared/params";
import { ZERO_COUNTS, type GeneratorStates, type RunCounts, type RunSnapshot, type RunStatus } from "../shared/types";
import { targetOf } from "./targets";
import { runRate } from "./progress";

/** A "running" row whose heartbeat is older than this belongs to a process that died. */
export const STALE_AFTER_MS = 15_000;

export class RunStore {
  constructor(private readonly prisma: PrismaClient) {}

  /** Marks runs whose process stopped beating as interrupted; returns how many. */
  async sweepStale(): Promise<number> {
    const res = await this.prisma.generatorRun.updateMany({
      where: { status: "running", heartbeatAt: { lt: new Date(Date.now() - STALE_AFTER_MS) } },
      data: { status: "interrupted", endedAt: new Date(), error: "The process running this generator stopped (server restart or crash) before the run ended." },
    });
    return res.count;
  }

  /** A new running row; refused (409) when that generator already runs anywhere (index generator_runs_one_running_idx). */
  async create(params: StartParams, startedBy: string | null): Promise<GeneratorRun> {
    await this.sweepStale();
    try {
      return await this.prisma.generatorRun.create({
        data: { generator: params.generator, status: "running", params: params as object, counts: { ...ZERO_COUNTS }, startedBy },
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
