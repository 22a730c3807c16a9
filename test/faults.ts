// Helpers for the fault tests (vitest project "faults", *.fault.test.ts): they stop one of the lab's services
// and bring it back, so they run alone, one file at a time, after the integration tests (scripts/test.sh).
import { execFile } from "node:child_process";
import { appendFileSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const ROOT = path.join(import.meta.dirname, "..");
const RECOVERY_FILE = path.join(ROOT, "test-results", "recovery-times.jsonl");

export type LabService = "postgres" | "kafka" | "connect" | "s3";

/** Stops one service of the lab (the lab's own `stop`, which waits until the process is gone). */
export async function stopService(service: LabService): Promise<void> {
  await run("npx", ["tsx", "lab/lab.ts", "stop", service], { cwd: ROOT, env: { ...process.env, NODE_NO_WARNINGS: "1" } });
}

/** Brings every stopped service back (`npm run lab:up` reuses the running ones); resolves once all are ready. */
export async function restoreLab(): Promise<void> {
  await run("npm", ["run", "-s", "lab:up"], { cwd: ROOT, env: { ...process.env, NODE_NO_WARNINGS: "1" }, maxBuffer: 16 * 1024 * 1024 });
}

/**
 * Runs `body` with `service` stopped for the part of it that wants so: `body` gets `stop` and `restore`, and the
 * lab is restored afterwards whatever happens (a failed assertion must not leave the next test without it).
 */
export async function withOutage<T>(service: LabService, body: (o: { stop: () => Promise<void>; restore: () => Promise<number> }) => Promise<T>): Promise<T> {
  let stopped = false;
  try {
    return await body({
      stop: async () => {
        stopped = true;
        await stopService(service);
      },
      /** Restores the lab; returns the instant (performance.now()) the service was ready again. */
      restore: async () => {
        await restoreLab();
        stopped = false;
        return performance.now();
      },
    });
  } finally {
    if (stopped) await restoreLab();
  }
}

/** Polls `probe` every `everyMs` until it answers truthy; returns its answer (throws after `timeoutMs`). */
export async function until<T>(what: string, probe: () => Promise<T | null | undefined | false> | T | null | undefined | false, timeoutMs = 60_000, everyMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown = null;
  for (;;) {
    try {
      const v = await probe();
      if (v) return v;
    } catch (e) {
      last = e;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? ` (last error: ${(last as Error).message})` : ""}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** Records "service back → recovered" for the table the fault tests print (test-results/recovery-times.jsonl). */
export function recordRecovery(fault: string, recovered: string, ms: number): void {
  mkdirSync(path.dirname(RECOVERY_FILE), { recursive: true });
  appendFileSync(RECOVERY_FILE, `${JSON.stringify({ fault, recovered, ms: Math.round(ms), at: new Date().toISOString() })}\n`);
  console.log(`recovery: ${fault} → ${recovered}: ${Math.round(ms)} ms after the service was back`);
}

/** Prints every recovery time recorded in this run (the latest per fault). */
export function printRecoveryTable(): void {
  if (!existsSync(RECOVERY_FILE)) return;
  const latest = new Map<string, { fault: string; recovered: string; ms: number }>();
  for (const line of readFileSync(RECOVERY_FILE, "utf8").split("\n").filter(Boolean)) {
    const r = JSON.parse(line) as { fault: string; recovered: string; ms: number };
    latest.set(`${r.fault}|${r.recovered}`, r);
  }
  console.log("recovery times (service back → recovered):");
  console.table([...latest.values()].map((r) => ({ fault: r.fault, recovered: r.recovered, "ms after service back": r.ms })));
}
