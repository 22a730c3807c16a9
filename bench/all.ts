// npm run bench — every benchmark, one after the other, against the running lab; then a summary table of each
// one's JSON line, and whether the checkout is as clean as before (a bench must change no tracked file).
//
//   npm run bench [-- --lake] [-- --lab-startup] [-- --only tail,gen]
//
// bench:lake (~20 min: it fills a bucket with 100,000 objects) runs only with --lake; bench:lab-startup stops and
// restarts the lab (everyone's, on a shared machine) and runs only with --lab-startup.
import { execFileSync, spawn } from "node:child_process";
import path from "node:path";
import { ROOT, ensureBuild } from "./support/console-server";

interface Bench {
  name: string;
  /** The figures the summary shows, from the bench's JSON line. */
  keys: string[];
  needsConsole: boolean;
  optIn?: string;
}

const BENCHES: Bench[] = [
  { name: "gen", keys: ["orders_per_s", "per_row_path_orders_per_s", "seed_port_orders_per_s"], needsConsole: false },
  { name: "tail", keys: ["p99_ms", "baseline_p99_ms", "p99_ratio", "rss_mb", "lost", "hub_consumers", "viewer_cpu_cores"], needsConsole: true },
  { name: "tail-browser", keys: [], needsConsole: true },
  { name: "connectors", keys: [], needsConsole: true },
  { name: "catalog", keys: ["catalog_ms", "doctor_ms", "baseline_ms", "rules"], needsConsole: false },
  { name: "overview", keys: ["connectors", "topics", "update_server_ms_p50", "update_server_ms_p99"], needsConsole: false },
  { name: "trace", keys: ["completed", "commit_to_topic_p50_ms", "topic_to_object_p50_ms", "console_share_pct"], needsConsole: false },
  { name: "sql", keys: ["cached_latest_per_key_ms", "ratio", "peak_rss_mb"], needsConsole: false },
  { name: "lake", keys: [], needsConsole: true, optIn: "lake" },
  { name: "lab-startup", keys: [], needsConsole: true, optIn: "lab-startup" },
];

const has = (flag: string) => process.argv.includes(`--${flag}`);
const onlyAt = process.argv.indexOf("--only");
const only = onlyAt >= 0 ? new Set((process.argv[onlyAt + 1] ?? "").split(",")) : null;
const gitStatus = () => {
  try {
    return execFileSync("git", ["status", "--porcelain"], { cwd: ROOT, encoding: "utf8" });
  } catch {
    return null; // not a git checkout
  }
};

/** Runs one bench with its output passed through; resolves with its last JSON line and exit code. */
function run(name: string): Promise<{ code: number; json: Record<string, unknown> | null; seconds: number }> {
  const t0 = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(ROOT, "node_modules/tsx/dist/cli.mjs"), "--conditions=react-server", path.join(ROOT, "bench", `${name}.ts`)], { cwd: ROOT, stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (d: Buffer) => {
      process.stdout.write(d);
      out += d.toString();
    });
    child.on("close", (code) => {
      const last = out.trim().split("\n").reverse().find((l) => l.startsWith("{"));
      let json: Record<string, unknown> | null = null;
      try {
        json = last ? (JSON.parse(last) as Record<string, unknown>) : null;
      } catch {
        // not a JSON line after all
      }
      resolve({ code: code ?? 1, json, seconds: (Date.now() - t0) / 1000 });
    });
  });
}

async function main() {
  const selected = BENCHES.filter((b) => (only ? only.has(b.name) : !b.optIn || has(b.optIn)));
  const before = gitStatus();
  // One build for every bench that needs a console (each would otherwise check it again).
  if (selected.some((b) => b.needsConsole)) ensureBuild();
  const results: { bench: Bench; code: number; json: Record<string, unknown> | null; seconds: number }[] = [];
  for (const bench of selected) {
    console.log(`\n=== bench:${bench.name} ===`);
    results.push({ bench, ...(await run(bench.name)) });
  }
  const after = gitStatus();

  console.log("\n=== summary ===");
  const rows = results.map((r) => {
    const figures = r.json ? (r.bench.keys.length ? r.bench.keys : Object.keys(r.json).slice(0, 6)).map((k) => `${k}=${JSON.stringify(r.json![k] ?? null)}`).join(" ") : "(no JSON line)";
    return [`bench:${r.bench.name}`, r.code === 0 ? "ok" : `exit ${r.code}`, `${r.seconds.toFixed(0)} s`, figures];
  });
  const skipped = BENCHES.filter((b) => !selected.includes(b)).map((b) => [`bench:${b.name}`, "skipped", "", b.optIn ? `add --${b.optIn}` : ""]);
  const all = [...rows, ...skipped];
  const w = [0, 1, 2].map((i) => Math.max(...all.map((r) => r[i]!.length)));
  for (const r of all) console.log(`${r[0]!.padEnd(w[0]!)}  ${r[1]!.padEnd(w[1]!)}  ${r[2]!.padStart(w[2]!)}  ${r[3]}`);
  const clean = before === null || before === after;
  console.log(before === null ? "git status: not a git checkout" : clean ? "git status: unchanged by the benches" : `git status changed:\n${after}`);
  console.log(JSON.stringify({ benches: Object.fromEntries(results.map((r) => [r.bench.name, r.code === 0 ? (r.json ?? {}) : { exit: r.code }])), git_status_unchanged: clean }));
  process.exit(results.every((r) => r.code === 0) && clean ? 0 : 1);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
