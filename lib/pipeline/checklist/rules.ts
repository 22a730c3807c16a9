// The checklist's judgement, pure: tolerances, "recently", which connector is the course's, and each item's
// status from the facts the evaluator read. Unit-tested without I/O (rules.test.ts).
import "server-only";
import { ALL_LEGIT_GEOHASHES } from "../../generators/rows/rules";
import type { ChecklistCause, ChecklistStatus, ShareBand } from "../shared/checklist";

/** An order is historical when its sale date lies this far before the row was written (the historical generator back-dates by 1..180 days; streaming writes "now"). */
export const HISTORICAL_MIN_AGE_HOURS = 12;

/** The geohash cells the course places in SP, MG and RJ: a purchase whose geohash starts with none of them is outside. */
export const SP_MG_RJ_CELLS: readonly string[] = [...ALL_LEGIT_GEOHASHES].sort();

/**
 * "Near" 1 % and 5 %: within a factor of two of the course's share (0.5–2 % and 2.5–10 %). The course says "small
 * variations are fine, but 0 % or 30 % is wrong"; the rules do not see every generated fraud (a new device on a
 * person's only purchase has no other purchase to differ from), so the measured share runs somewhat below the
 * generated one. Fewer than MIN_ORDERS orders of a kind is too little data to judge (the course's FAQ: "fraud never
 * appears (too little data)").
 */
export const FRAUD_EXPECTED = { historical: 0.01, streaming: 0.05 } as const;
export const FRAUD_MIN_ORDERS = 200;
export const FRAUD_FACTOR = 2;

export function shareBand(expected: number, factor = FRAUD_FACTOR): ShareBand {
  return { expected, low: expected / factor, high: expected * factor };
}

export function withinBand(share: number, band: ShareBand): boolean {
  return share >= band.low && share <= band.high;
}

export type OrderKind = keyof typeof FRAUD_EXPECTED;

/** What the fraud SQL measured for one kind of order. */
export interface FraudCounts {
  orders: number;
  /** Flagged by the geohash rule (outside SP/MG/RJ). */
  geohash: number;
  /** Flagged by the device rule (a device other than the one the person uses most). */
  device: number;
  /** Flagged by either rule (an order breaking both counts once). */
  flagged: number;
}

export interface FraudJudgement {
  kind: OrderKind;
  orders: number;
  flagged: number;
  /** flagged / orders; null without orders. */
  share: number | null;
  band: ShareBand;
  /** "too_few": fewer than FRAUD_MIN_ORDERS orders of this kind — not judged. */
  verdict: "near" | "off" | "too_few";
}

export function judgeFraudKind(kind: OrderKind, c: FraudCounts, minOrders = FRAUD_MIN_ORDERS): FraudJudgement {
  const band = shareBand(FRAUD_EXPECTED[kind]);
  const share = c.orders > 0 ? c.flagged / c.orders : null;
  const verdict = c.orders < minOrders || share === null ? "too_few" : withinBand(share, band) ? "near" : "off";
  return { kind, orders: c.orders, flagged: c.flagged, share, band, verdict };
}

/** ok when at least one kind has enough orders and every judged kind is near its share. */
export function fraudStatus(judged: FraudJudgement[], minOrders = FRAUD_MIN_ORDERS): { status: ChecklistStatus; cause: ChecklistCause | null } {
  const off = judged.find((j) => j.verdict === "off");
  if (off) {
    return {
      status: "missing",
      cause: { code: "fraud_share_off", params: { kind: off.kind, share: pct(off.share ?? 0), expected: pct(off.band.expected), low: pct(off.band.low), high: pct(off.band.high) } },
    };
  }
  if (!judged.some((j) => j.verdict === "near")) {
    return { status: "missing", cause: { code: "fraud_too_few_orders", params: { min: minOrders, historical: judged.find((j) => j.kind === "historical")?.orders ?? 0, streaming: judged.find((j) => j.kind === "streaming")?.orders ?? 0 } } };
  }
  return { status: "ok", cause: null };
}

/** A share as a percentage with two decimals, for cause parameters ("1.23"). Language-neutral on purpose: the catalog adds "%". */
export function pct(share: number): string {
  return (Math.round(share * 10_000) / 100).toFixed(2);
}

/** Whether an ISO time lies within the last `windowMinutes` of `now` (a clock a little ahead is still "recent"). */
export function isRecent(iso: string | null | undefined, now: number, windowMinutes: number): boolean {
  if (!iso) return false;
  const t = Date.parse(iso);
  return Number.isFinite(t) && now - t <= windowMinutes * 60_000;
}

// ---------------------------------------------------------------- which Debezium connector is the course's

/** A Debezium PostgreSQL source as the selection sees it. */
export interface SourceCandidate {
  cluster: string;
  name: string;
  state: string;
  tasks: { id: number; state: string }[];
  dbname: string;
  tableIncludeList: string[];
  tableExcludeList: string[];
}

/** The course's tables: the connector the course registers captures pessoas; pedidos is the orders' table. */
export const COURSE_TABLES = ["public.pessoas", "public.pedidos"] as const;

function fullMatch(pattern: string, value: string): boolean {
  try {
    return new RegExp(`^(?:${pattern})$`, "i").test(value);
  } catch {
    return pattern === value;
  }
}

/** Whether the connector's filters let one of the course's tables through (an empty include list captures every table). */
export function capturesCourseTable(c: Pick<SourceCandidate, "tableIncludeList" | "tableExcludeList">): boolean {
  return COURSE_TABLES.some((t) => (c.tableIncludeList.length === 0 || c.tableIncludeList.some((p) => fullMatch(p, t))) && !c.tableExcludeList.some((p) => fullMatch(p, t)));
}

export function isRunning(c: Pick<SourceCandidate, "state" | "tasks">): boolean {
  return c.state === "RUNNING" && c.tasks.length > 0 && c.tasks.every((t) => t.state === "RUNNING");
}

/**
 * The rule: among the Debezium PostgreSQL sources on the target database, the one named in the targets; otherwise
 * those capturing pessoas or pedidos, a RUNNING one first, then the course's name (postgres-connector-pessoas),
 * then by cluster and name. Null when none qualifies.
 */
export function selectSource<T extends SourceCandidate>(all: T[], database: string, wanted: { cluster?: string; name: string } | null, courseName: string): T | null {
  const onDb = all.filter((c) => c.dbname === database);
  if (wanted) return onDb.find((c) => c.name === wanted.name && (!wanted.cluster || c.cluster === wanted.cluster)) ?? null;
  const capturing = onDb.filter(capturesCourseTable);
  const rank = (c: T) => (isRunning(c) ? 0 : 2) + (c.name === courseName ? 0 : 1);
  return [...capturing].sort((a, b) => rank(a) - rank(b) || a.cluster.localeCompare(b.cluster) || a.name.localeCompare(b.name))[0] ?? null;
}

// ---------------------------------------------------------------- buckets

export type PublicAccess = "public" | "private" | "custom" | "unsupported";

export interface BucketFact {
  name: string;
  exists: boolean;
  /** Null when the bucket does not exist or its policy could not be read. */
  access: PublicAccess | null;
}

/** All exist, and each is public where the server has bucket policies ("unsupported": the public part is unknown, not failed). */
export function bucketsStatus(facts: BucketFact[]): { status: ChecklistStatus; cause: ChecklistCause | null } {
  const missing = facts.filter((b) => !b.exists).map((b) => b.name);
  if (missing.length) return { status: "missing", cause: { code: "buckets_missing", params: { buckets: missing.join(", ") } } };
  // "custom": a policy that grants no anonymous read (lib/s3/policy-doc.ts) — not public either.
  const notPublic = facts.filter((b) => b.access === "private" || b.access === "custom").map((b) => b.name);
  if (notPublic.length) return { status: "missing", cause: { code: "buckets_not_public", params: { buckets: notPublic.join(", ") } } };
  return { status: "ok", cause: null };
}
