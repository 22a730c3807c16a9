// Starts a production build of the console for a benchmark, so the figures are those of `next start`, not of
// the dev server. The build lives in its own dist dir so the one in .next (and a console on 3000) stay untouched.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "../..");

export interface ConsoleServer {
  url: string;
  pid: number | null;
  child: ChildProcess;
}

export async function startConsoleServer(distDir: string, port: number): Promise<ConsoleServer> {
  if (!existsSync(path.join(root, distDir, "BUILD_ID"))) {
    throw new Error(`No production build in ${distDir}: run \`NEXT_DIST_DIR=${distDir} npx next build\` first (then \`git checkout tsconfig.json\`).`);
  }
  const child = spawn(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "start", "-H", "127.0.0.1", "-p", String(port)], {
    cwd: root,
    env: { ...process.env, NEXT_DIST_DIR: distDir, NODE_ENV: "production" },
    stdio: ["ignore", "ignore", "pipe"],
  });
  child.stderr?.on("data", () => undefined);
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 120; i++) {
    try {
      const r = await fetch(`${url}/api/health`);
      // 503 (a lab service down) still means the console is up.
      if (r.status === 200 || r.status === 503) return { url, pid: child.pid ?? null, child };
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  child.kill();
  throw new Error(`the console did not start on ${url}`);
}
