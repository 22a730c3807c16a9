// Shapes the server sends to the console about generator runs (browser-safe).
import type { GeneratorKind, StartParams } from "./params";

export type RunStatus = "running" | "stopping" | "finished" | "stopped" | "failed" | "interrupted";

/** Rows written per table, plus what a person watches: fraud, errors. */
export interface RunCounts {
  /** Events done: orders (historical, streaming) or operations on pessoas (cdc). */
  events: number;
  pessoas: number;
  pessoasUpdated: number;
  pessoasDeleted: number;
  pedidos: number;
  itensPedidos: number;
  auditoriaPedidos: number;
  fraud: number;
  errors: number;
}

export const ZERO_COUNTS: RunCounts = {
  events: 0,
  pessoas: 0,
  pessoasUpdated: 0,
  pessoasDeleted: 0,
  pedidos: 0,
  itensPedidos: 0,
  auditoriaPedidos: 0,
  fraud: 0,
  errors: 0,
};

export interface RunSnapshot {
  /** generator_runs.id as a string (bigint). */
  id: string;
  generator: GeneratorKind;
  status: RunStatus;
  params: StartParams;
  counts: RunCounts;
  /** Events per second over the last few seconds, and since the start. */
  currentRate: number;
  averageRate: number;
  /** The run's target number of events, when it has one (for a progress bar). */
  target: number | null;
  startedAt: string;
  endedAt: string | null;
  startedBy: string | null;
  /** The last error seen (a failed run's cause, or a retried batch's). */
  error: string | null;
}

/** What the progress stream sends: every generator's current (or last) run. */
export type GeneratorStates = Record<GeneratorKind, RunSnapshot | null>;

export type GeneratorEvent =
  | { type: "snapshot"; states: GeneratorStates }
  | { type: "progress"; run: RunSnapshot }
  | { type: "ended"; run: RunSnapshot };
