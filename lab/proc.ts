// Process, port and file helpers for the lab scripts (no Docker: every service is a local process).
import { spawn, spawnSync, type SpawnSyncOptions } from "node:child_process";
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";

export class LabError extends Error {
  constructor(message: string, readonly logFile?: string) {
    super(message);
  }
}

export function ensureDir(dir: string): string {
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** True when something accepts TCP connections on host:port. */
export function portOpen(port: number, host = "127.0.0.1", timeoutMs = 500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ port, host });
    const done = (open: boolean) => {
      socket.destroy();
      resolve(open);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
  });
}

export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

export function readPid(pidFile: string): number | null {
  if (!existsSync(pidFile)) return null;
  const pid = Number(readFileSync(pidFile, "utf8").trim().split("\n")[0]);
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

/** The pid in pidFile if that process still runs, else null (and the stale file is removed). */
export function runningPid(pidFile: string): number | null {
  const pid = readPid(pidFile);
  if (pid && pidAlive(pid)) return pid;
  if (existsSync(pidFile)) rmSync(pidFile, { force: true });
  return null;
}

/** Start a long-running process detached from this script, its output appended to logFile. */
export function spawnDetached(cmd: string, args: string[], opts: { logFile: string; pidFile: string; cwd?: string; env?: NodeJS.ProcessEnv }): number {
  ensureDir(path.dirname(opts.logFile));
  const fd = openSync(opts.logFile, "a");
  const child = spawn(cmd, args, {
    cwd: opts.cwd,
    env: opts.env ?? process.env,
    detached: true,
    stdio: ["ignore", fd, fd],
  });
  closeSync(fd);
  if (!child.pid) throw new LabError(`could not start ${cmd}`, opts.logFile);
  child.unref();
  writeFileSync(opts.pidFile, `${child.pid}\n`);
  return child.pid;
}

/** SIGTERM the process group, wait up to graceMs, then SIGKILL. */
export async function stopPid(pid: number, graceMs = 15000): Promise<void> {
  const signal = (sig: NodeJS.Signals) => {
    try {
      process.kill(-pid, sig); // the whole group: spawnDetached made the child a group leader
    } catch {
      try {
        process.kill(pid, sig);
      } catch {
        /* already gone */
      }
    }
  };
  signal("SIGTERM");
  const deadline = Date.now() + graceMs;
  while (pidAlive(pid) && Date.now() < deadline) await sleep(200);
  if (pidAlive(pid)) signal("SIGKILL");
  while (pidAlive(pid)) await sleep(100);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

/** Poll `check` until it returns a truthy value or the timeout passes; the last error is reported. */
export async function waitFor<T>(what: string, check: () => Promise<T | false | null | undefined>, timeoutMs: number, logFile?: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError = "";
  for (;;) {
    try {
      const v = await check();
      if (v) return v;
    } catch (e) {
      lastError = (e as Error).message;
    }
    if (Date.now() > deadline) {
      throw new LabError(`${what} was not ready after ${Math.round(timeoutMs / 1000)} s${lastError ? ` (last error: ${lastError})` : ""}`, logFile);
    }
    await sleep(300);
  }
}

export function tail(file: string, lines = 30): string {
  if (!existsSync(file)) return "(no log file)";
  const size = statSync(file).size;
  const buf = readFileSync(file);
  const text = buf.subarray(Math.max(0, size - 64 * 1024)).toString("utf8");
  return text.split("\n").slice(-lines).join("\n");
}

export function run(cmd: string, args: string[], opts: SpawnSyncOptions = {}): { ok: boolean; out: string } {
  const r = spawnSync(cmd, args, { encoding: "utf8", ...opts });
  if (r.error) return { ok: false, out: r.error.message };
  return { ok: r.status === 0, out: `${r.stdout ?? ""}${r.stderr ?? ""}` };
}

export function which(cmd: string): string | null {
  const r = run("sh", ["-c", `command -v ${cmd}`]);
  return r.ok ? r.out.trim() : null;
}
