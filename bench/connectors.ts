// bench/connectors — the connectors list with 200 connectors on the lab's real Kafka Connect.
// Registers 200 FileStream source connectors (file=/dev/null: they cost nothing), then times the console's list
// endpoint (Server-Timing) and counts the Connect requests each refresh costs (X-Connect-Requests), against a
// baseline in the same run: the bare REST call the list is built on. Deletes the connectors at the end.
//
//   npm run bench:connectors                       starts its own `next start` (built in .next-bench when needed)
//   BENCH_CONSOLE_URL=http://127.0.0.1:3000 npm run bench:connectors   uses a console already running
//
// Prints a table, and last one JSON line: {"connectors":200,"list_server_ms":…,"connect_requests_per_refresh":…,…}
import type { ChildProcess } from "node:child_process";
import { readLabEndpoints, resolveConfig } from "../lib/config-core";
import { startConsoleServer } from "./support/console-server";

const COUNT = Number(process.env.BENCH_CONNECTORS ?? 200);
const REFRESHES = Number(process.env.BENCH_REFRESHES ?? 20);
const CONCURRENCY = 8;
const RUN = Date.now().toString(36);
const cfg = resolveConfig(process.env, readLabEndpoints());
const CONNECT = cfg.connect.urls[0];
const names = Array.from({ length: COUNT }, (_, i) => `bench-cx-${RUN}-${i}`);

const log = (s: string) => process.stderr.write(`${s}\n`);

async function connect(method: string, p: string, body?: unknown): Promise<Response> {
  return fetch(`${CONNECT}${p}`, { method, headers: { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body), signal: AbortSignal.timeout(60_000) });
}

/** Runs `fn` over items, `CONCURRENCY` at a time, retrying Connect's 409 (rebalance in progress). */
async function each(items: string[], fn: (name: string, i: number) => Promise<Response>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      for (let attempt = 0; ; attempt++) {
        const res = await fn(items[i], i);
        if (res.ok || res.status === 404) break;
        if (res.status === 409 && attempt < 30) {
          await new Promise((r) => setTimeout(r, 500));
          continue;
        }
        throw new Error(`${items[i]}: HTTP ${res.status} ${await res.text()}`);
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
}

async function ours(): Promise<number> {
  const res = await connect("GET", "/connectors");
  const list = (await res.json()) as string[];
  return list.filter((n) => n.startsWith(`bench-cx-${RUN}-`)).length;
}

async function startConsole(): Promise<{ url: string; child: ChildProcess | null }> {
  if (process.env.BENCH_CONSOLE_URL) return { url: process.env.BENCH_CONSOLE_URL.replace(/\/+$/, ""), child: null };
  const server = await startConsoleServer(Number(process.env.BENCH_PORT ?? 3599));
  return { url: server.url, child: server.child };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)];
const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;

async function main() {
  const { url, child } = await startConsole();
  let registered = false;
  try {
    log(`registering ${COUNT} FileStream connectors on ${CONNECT} …`);
    const t0 = performance.now();
    registered = true;
    await each(names, (name, i) => connect("PUT", `/connectors/${name}/config`, { "connector.class": "org.apache.kafka.connect.file.FileStreamSourceConnector", file: "/dev/null", topic: `bench-fs-${i}`, "tasks.max": "1" }));
    while ((await ours()) < COUNT) await new Promise((r) => setTimeout(r, 500));
    log(`registered in ${round((performance.now() - t0) / 1000)} s`);

    // Warm up both paths (JIT, connection pools, the console's first compile of the route).
    for (let i = 0; i < 3; i++) {
      await fetch(`${url}/api/connectors`).then((r) => r.arrayBuffer());
      await connect("GET", "/connectors?expand=status&expand=info").then((r) => r.arrayBuffer());
    }

    const server: number[] = [];
    const roundTrip: number[] = [];
    const baseline: number[] = [];
    const requests: number[] = [];
    let listed = 0;
    for (let i = 0; i < REFRESHES; i++) {
      let t = performance.now();
      const res = await fetch(`${url}/api/connectors`, { cache: "no-store" });
      const body = (await res.json()) as { data: { clusters: { connectors: { name: string }[] }[] } };
      roundTrip.push(performance.now() - t);
      server.push(Number(/total;dur=([\d.]+)/.exec(res.headers.get("server-timing") ?? "")?.[1] ?? NaN));
      requests.push(Number(res.headers.get("x-connect-requests")));
      listed = body.data.clusters.reduce((n, c) => n + c.connectors.filter((x) => x.name.startsWith(`bench-cx-${RUN}-`)).length, 0);

      t = performance.now();
      await connect("GET", "/connectors?expand=status&expand=info").then((r) => r.arrayBuffer());
      baseline.push(performance.now() - t);
    }
    if (listed !== COUNT) throw new Error(`the console listed ${listed} of our ${COUNT} connectors`);

    const result = {
      connectors: COUNT,
      list_server_ms: round(median(server)),
      connect_requests_per_refresh: median(requests),
      list_server_p95_ms: round(p95(server)),
      list_roundtrip_ms: round(median(roundTrip)),
      baseline_rest_ms: round(median(baseline)),
      ratio_to_baseline: round(median(server) / median(baseline), 2),
      refreshes: REFRESHES,
    };
    const rows: [string, string][] = [
      ["connectors listed", String(listed)],
      ["refreshes measured", String(REFRESHES)],
      ["console list, server time (median)", `${result.list_server_ms} ms`],
      ["console list, server time (p95)", `${result.list_server_p95_ms} ms`],
      ["console list, round trip (median)", `${result.list_roundtrip_ms} ms`],
      ["baseline: bare GET /connectors?expand=status&expand=info (median)", `${result.baseline_rest_ms} ms`],
      ["ratio console server / baseline", `${result.ratio_to_baseline}×`],
      ["Connect requests per refresh", `${result.connect_requests_per_refresh} (min ${Math.min(...requests)}, max ${Math.max(...requests)})`],
      ["target", "1 request, < 1000 ms"],
    ];
    const w = Math.max(...rows.map(([k]) => k.length));
    console.log(rows.map(([k, v]) => `${k.padEnd(w)}  ${v}`).join("\n"));
    console.log(JSON.stringify(result));
  } finally {
    if (registered) {
      log(`deleting the ${COUNT} connectors …`);
      await each(names, (name) => connect("DELETE", `/connectors/${name}`)).catch((e) => log(`cleanup: ${(e as Error).message}`));
      log(`left behind: ${await ours()}`);
    }
    child?.kill("SIGTERM");
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
