// The console a benchmark measures: a production build (`next build`) in a dist folder of its own, started with
// `next start`, so the figures are those of production and the .next of a developer (and a console on :3000)
// stay untouched. Every bench that needs a console goes through here; none needs a hand-made build.
//
// The build is reused while it is newer than every source file (git's tracked and untracked-not-ignored files,
// benches and tests aside). Building with another NEXT_DIST_DIR makes Next add that folder's types to the
// tracked tsconfig.json: its bytes are put back after the build, so `git status` stays clean.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync, lstatSync, readdirSync, readFileSync, realpathSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "../..");
// The benches' own build (git ignores `.next-*` folders).
export const BENCH_DIST_DIR = ".next-bench";
const NEXT_BIN = path.join(ROOT, "node_modules/next/dist/bin/next");
const log = (...a: unknown[]) => console.error("[bench]", ...a);

// What does not go into the server or the pages: a change there needs no new build.
const NOT_BUILT = /^(bench|e2e|test|docs|lab|docker|scripts|prisma\/migrations|\.ci)\/|\.(test|integ\.test)\.tsx?$|\.md$/;

function sourceFiles(): string[] {
  try {
    const out = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: ROOT, encoding: "utf8", maxBuffer: 64 << 20 });
    return out.split("\0").filter((f) => f && !NOT_BUILT.test(f));
  } catch {
    // Not a git checkout (a tarball): walk the folders the build reads.
    const out: string[] = [];
    const walk = (dir: string) => {
      for (const d of readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
        const rel = path.join(dir, d.name);
        if (d.isDirectory()) walk(rel);
        else if (!NOT_BUILT.test(rel)) out.push(rel);
      }
    };
    for (const dir of ["app", "components", "data", "lib"]) if (existsSync(path.join(ROOT, dir))) walk(dir);
    for (const f of readdirSync(ROOT)) if (/\.(ts|js|mjs|json)$/.test(f)) out.push(f);
    return out;
  }
}

/** The newest source file's mtime (ms) and its name. */
function newestSource(): { mtimeMs: number; file: string } {
  let best = { mtimeMs: 0, file: "" };
  for (const f of sourceFiles()) {
    try {
      const m = statSync(path.join(ROOT, f)).mtimeMs;
      if (m > best.mtimeMs) best = { mtimeMs: m, file: f };
    } catch {
      // deleted but still in the index
    }
  }
  return best;
}

/**
 * Turbopack resolves packages only inside the project's root; a worktree whose node_modules is a symlink to
 * another checkout's needs that root widened to the folder holding both (Next's own variable for it).
 */
function rootEnv(): Record<string, string> {
  const nm = path.join(ROOT, "node_modules");
  if (!existsSync(nm) || !lstatSync(nm).isSymbolicLink()) return {};
  const real = realpathSync(nm).split(path.sep);
  const here = ROOT.split(path.sep);
  let i = 0;
  while (i < real.length && i < here.length && real[i] === here[i]) i++;
  return { NEXT_PRIVATE_OUTPUT_TRACE_ROOT: here.slice(0, i).join(path.sep) || path.sep };
}

/** Builds the console into `distDir` unless its build is newer than the sources. Leaves tracked files as they were. */
export function ensureBuild(distDir = BENCH_DIST_DIR): void {
  const buildId = path.join(ROOT, distDir, "BUILD_ID");
  const newest = newestSource();
  if (existsSync(buildId) && statSync(buildId).mtimeMs > newest.mtimeMs) {
    log(`reusing the production build in ${distDir} (newer than every source file)`);
    return;
  }
  log(existsSync(buildId) ? `${newest.file} changed since the build in ${distDir}: building again…` : `no production build in ${distDir}: building it…`);
  const tsconfig = path.join(ROOT, "tsconfig.json");
  const before = existsSync(tsconfig) ? { bytes: readFileSync(tsconfig), stat: statSync(tsconfig) } : null;
  const t0 = Date.now();
  try {
    execFileSync(process.execPath, [NEXT_BIN, "build"], {
      cwd: ROOT,
      env: { ...process.env, ...rootEnv(), NEXT_DIST_DIR: distDir, NEXT_TELEMETRY_DISABLED: "1" },
      stdio: ["ignore", "ignore", "inherit"],
    });
  } finally {
    // Its bytes and its mtime: a restored file must not look newer than the build it came from.
    if (before && !before.bytes.equals(readFileSync(tsconfig))) {
      writeFileSync(tsconfig, before.bytes);
      utimesSync(tsconfig, before.stat.atime, before.stat.mtime);
    }
  }
  log(`built in ${((Date.now() - t0) / 1000).toFixed(0)} s`);
}

function portFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.once("error", () => resolve(false));
    srv.listen(port, "127.0.0.1", () => srv.close(() => resolve(true)));
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
  });
}

export interface ConsoleServer {
  url: string;
  /** The process to measure (RSS, CPU): `next start` and its children. */
  pid: number | null;
  child: ChildProcess;
  stop(): void;
}

export interface StartOptions {
  distDir?: string;
  /** Extra node flags for the server, e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` (not allowed in NODE_OPTIONS). */
  nodeArgs?: string[];
  env?: Record<string, string>;
}

/** Builds when needed, starts `next start` on `port` and waits until /api/health answers (503 counts: a lab service may be down). */
export async function startConsoleServer(port: number, o: StartOptions = {}): Promise<ConsoleServer> {
  const distDir = o.distDir ?? BENCH_DIST_DIR;
  ensureBuild(distDir);
  // Several checkouts on one machine run benches too: when the usual port is taken, take a free one.
  if (!(await portFree(port))) {
    const free = await freePort();
    log(`port ${port} is in use: starting the console on ${free} instead`);
    port = free;
  }
  const url = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = { ...process.env, ...o.env, NEXT_DIST_DIR: distDir, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", NODE_NO_WARNINGS: "1" };
  const child = spawn(process.execPath, [...(o.nodeArgs ?? []), NEXT_BIN, "start", "-H", "127.0.0.1", "-p", String(port)], { cwd: ROOT, env, stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr?.on("data", (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)));
  const stop = () => {
    if (child.exitCode === null) child.kill("SIGTERM");
  };
  for (let i = 0; i < 240; i++) {
    if (child.exitCode !== null) throw new Error(`the console exited with ${child.exitCode} before answering on ${url}:\n${stderr}`);
    const up = await fetch(`${url}/api/health`).then((r) => r.status === 200 || r.status === 503, () => false);
    if (up) return { url, pid: child.pid ?? null, child, stop };
    await new Promise((r) => setTimeout(r, 250));
  }
  stop();
  throw new Error(`the console did not start on ${url} within 60 s:\n${stderr}`);
}
