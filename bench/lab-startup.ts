// bench/lab-startup — how long `lab:up` takes from nothing running to every service ready (jars already
// cached), and how much JavaScript the overview page makes a browser download (gzip).
// Run with the lab's jars cached: npm run bench:lab-startup   (it stops and restarts the lab!)
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { startConsoleServer } from "./support/console-server";

const ROOT = path.resolve(__dirname, "..");
const PORT = Number(process.env.BENCH_PORT ?? 3190);
const lab = (cmd: string) => execFileSync("npx", ["tsx", "lab/lab.ts", cmd], { cwd: ROOT, env: { ...process.env, NODE_NO_WARNINGS: "1" }, encoding: "utf8", timeout: 600_000 });

function timeLabUp(): { seconds: number; perService: Record<string, number> } {
  lab("down");
  const t0 = Date.now();
  const out = lab("up");
  const seconds = (Date.now() - t0) / 1000;
  // lab.ts prints "<svc> ready after N s" as each service passes its readiness check.
  const perService: Record<string, number> = {};
  for (const m of out.matchAll(/\[lab\] (\w+)\s+ready after ([\d.]+) s/g)) perService[m[1]] = Number(m[2]);
  return { seconds, perService };
}

/** gzip bytes of every script a first visit to `route` downloads. */
async function firstLoadJs(base: string, route: string): Promise<{ bytes: number; chunks: number }> {
  const html = await (await fetch(`${base}${route}`)).text();
  const srcs = [...new Set([...html.matchAll(/<script[^>]+src="([^"]+)"/g)].map((m) => m[1]))];
  let bytes = 0;
  for (const src of srcs) bytes += gzipSync(Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer()), { level: 9 }).length;
  return { bytes, chunks: srcs.length };
}

async function withConsole<T>(fn: (base: string) => Promise<T>): Promise<T> {
  // Built in .next-bench when the sources are newer than its build (bench/support/console-server.ts).
  const server = await startConsoleServer(PORT);
  try {
    return await fn(server.url);
  } finally {
    server.stop();
  }
}

async function main() {
  JSON.parse(readFileSync(path.join(ROOT, ".lab/endpoints.json"), "utf8")); // jars cached and the lab set up once
  const up = timeLabUp();
  // Baseline: /login is the bare shell (React, Next's runtime, the header and health strip) with no area code.
  const js = await withConsole(async (base) => ({ overview: await firstLoadJs(base, "/"), shell: await firstLoadJs(base, "/login") }));
  const kb = (b: number) => Math.round((b / 1024) * 10) / 10;
  console.log("\nlab startup (jars cached)");
  for (const [svc, s] of Object.entries(up.perService)) console.log(`  ${svc.padEnd(32)} ${s.toFixed(1)} s`);
  console.log(`  lab:up → all services ready      ${up.seconds.toFixed(1)} s   (target ≤ 90 s)`);
  console.log("\nfirst-load JS (gzip, every script of a first visit)");
  console.log(`  overview  /        ${kb(js.overview.bytes)} KB in ${js.overview.chunks} chunks   (target ≤ 250 KB)`);
  console.log(`  baseline  /login   ${kb(js.shell.bytes)} KB in ${js.shell.chunks} chunks   (the bare shell)`);
  console.log(`  overview / shell   ${(js.overview.bytes / js.shell.bytes).toFixed(2)}×`);
  console.log(JSON.stringify({ lab_up_s: Math.round(up.seconds * 10) / 10, overview_first_load_kb: kb(js.overview.bytes), shell_first_load_kb: kb(js.shell.bytes) }));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
