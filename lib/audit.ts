import "server-only";
import { escapeLike } from "./audit-query";
import { config } from "./config";
import { db } from "./db";
import { maskSecrets } from "./shared/secrets";
import type { Prisma } from "./generated/prisma/client";

export type AuditOutcome = "ok" | "error" | "refused";

export interface AuditRecord {
  actor: string;
  role: string;
  clientIp: string | null;
  action: string;
  target: string | null;
  params: unknown;
  outcome: AuditOutcome;
  /** The English sentence (logs, scripts); the page renders errorCode + errorParams in the reader's language. */
  error: string | null;
  errorCode?: string | null;
  errorParams?: Record<string, string | number> | null;
  durationMs: number;
}

/** Writes one entry; parameters are masked here so no caller can forget. Never throws into the mutation. */
export async function writeAudit(r: AuditRecord): Promise<void> {
  try {
    await db().auditEntry.create({
      data: {
        ...r,
        params: r.params === undefined ? undefined : (maskSecrets(JSON.parse(JSON.stringify(r.params ?? null))) as Prisma.InputJsonValue),
        errorParams: r.errorParams ? (maskSecrets(r.errorParams) as Prisma.InputJsonValue) : undefined,
        durationMs: Math.round(r.durationMs),
      },
    });
  } catch (e) {
    console.error(`[audit] could not write entry for ${r.action}: ${(e as Error).message}`);
  }
  await pruneMaybe();
}

let lastPrune = 0;
/** Retention: at most once an hour, drop entries older than AUDIT_RETENTION_DAYS. */
async function pruneMaybe(): Promise<void> {
  if (Date.now() - lastPrune < 3_600_000) return;
  lastPrune = Date.now();
  const before = new Date(Date.now() - config().auditRetentionDays * 86_400_000);
  await db().auditEntry.deleteMany({ where: { at: { lt: before } } }).catch(() => undefined);
}

export interface AuditQuery {
  action?: string;
  target?: string;
  outcome?: AuditOutcome;
  from?: Date;
  to?: Date;
  /** Keyset paging: entries older than this id. */
  before?: bigint;
  limit: number;
}

export interface AuditRow extends Omit<AuditRecord, "params"> {
  id: string;
  at: string;
  params: unknown;
}

export async function listAudit(q: AuditQuery): Promise<{ rows: AuditRow[]; nextBefore: string | null }> {
  const where: Prisma.AuditEntryWhereInput = {
    ...(q.action ? { action: { startsWith: escapeLike(q.action) } } : {}),
    ...(q.target ? { target: { contains: escapeLike(q.target) } } : {}),
    ...(q.outcome ? { outcome: q.outcome } : {}),
    ...(q.from || q.to ? { at: { ...(q.from ? { gte: q.from } : {}), ...(q.to ? { lte: q.to } : {}) } } : {}),
    ...(q.before ? { id: { lt: q.before } } : {}),
  };
  const rows = await db().auditEntry.findMany({ where, orderBy: { id: "desc" }, take: q.limit + 1 });
  const page = rows.slice(0, q.limit);
  return {
    rows: page.map((r) => ({
      id: r.id.toString(),
      at: r.at.toISOString(),
      actor: r.actor,
      role: r.role,
      clientIp: r.clientIp,
      action: r.action,
      target: r.target,
      params: r.params,
      outcome: r.outcome as AuditOutcome,
      error: r.error,
      errorCode: r.errorCode,
      errorParams: (r.errorParams ?? null) as Record<string, string | number> | null,
      durationMs: r.durationMs,
    })),
    nextBefore: rows.length > q.limit ? page[page.length - 1].id.toString() : null,
  };
}
