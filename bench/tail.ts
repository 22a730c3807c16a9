// bench/tail — the live tail under a classroom's load: N SSE viewers of one topic while producing R msg/s.
//
//   npm run bench:tail [-- --viewers 200 --rate 1000 --seconds 60 --url http://127.0.0.1:3000 --pid <server pid> --floor]
//
// Without --url it starts its own production server on port 3202 (bench/support/console-server.ts builds it in
// .next-bench when the sources are newer) and measures that process's RSS and CPU; the viewers run in --workers
// child processes whose CPU is reported apart (viewer_cpu_cores). --profile <dir>: the server's CPU profile.
// --floor: the same load on a bare node:http fan-out with one kafkajs consumer (support/bare-tail-server.mjs), no
// Next.js and no hub — what this machine and the bench's own viewers cost before the console adds anything.
// Prints a table, then one JSON line. Timing figures are reported, never judged: the machines are shared.
import { fork, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { Kafka, logLevel, Partitioners } from "kafkajs";
import { arg, labBrokers } from "./support/args";
import { startConsoleServer, type ConsoleServer } from "./support/console-server";
import { producePaced } from "./support/produce";

const VIEWERS = Number(arg("viewers", "200"));
const RATE = Number(arg("rate", "1000"));
const SECONDS = Number(arg("seconds", "60"));
const PARTITIONS = Number(arg("partitions", "3"));
const WORKERS = Number(arg("workers", "2"));
/** A folder for the server's CPU profile (node --cpu-prof), written when the server exits. */
const PROFILE_DIR = arg("profile", "");
const PORT = Number(arg("port", "3202"));
/** --floor: a bare node:http fan-out (bench/support/bare-tail-server.mjs) instead of the console — this machine's floor. */
const FLOOR = process.argv.includes("--floor");
let url = arg("url", "");
let serverPid = Number(arg("pid", "0")) || null;

const brokers = labBrokers();
const kafka = new Kafka({ clientId: "bench-tail", brokers, logLevel: logLevel.NOTHING });
const topic = `bench-tail-${randomBytes(3).toString("hex")}`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const log = (...a: unknown[]) => console.error("[bench:tail]", ...a);

// ---- latency histogram: 0.1 ms buckets up to 60 s ----
const BUCKET_MS = 0.1;
const BUCKETS = 600_000;
function percentile(hist: Float64Array, p: number): number {
  let total = 0;
  for (let i = 0; i < hist.length; i++) total += hist[i]!;
  if (total === 0) return NaN;
  const target = total * p;
  let acc = 0;
  for (let i = 0; i < hist.length; i++) {
    acc += hist[i]!;
    if (acc >= target) return i * BUCKET_MS;
  }
  return (hist.length - 1) * BUCKET_MS;
}
function record(hist: Float64Array, ms: number) {
  hist[Math.min(BUCKETS - 1, Math.max(0, Math.round(ms / BUCKET_MS)))]!++;
}

// ---- the server's process tree: RSS and CPU from /proc ----
const CLK_TCK = 100;
function treeOf(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const d of readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, "utf8");
      const ppid = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(d)]);
    } catch {
      // process gone
    }
  }
  const out: number[] = [];
  const walk = (p: number) => {
    out.push(p);
    for (const c of children.get(p) ?? []) walk(c);
  };
  walk(pid);
  return out;
}
function sample(pid: number): { rssMb: number; cpuSeconds: number } {
  let rssKb = 0;
  let ticks = 0;
  for (const p of treeOf(pid)) {
    try {
      const status = readFileSync(`/proc/${p}/status`, "utf8");
      rssKb += Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      const fields = readFileSync(`/proc/${p}/stat`, "utf8").split(") ")[1]!.split(" ");
      ticks += Number(fields[11]) + Number(fields[12]); // utime + stime
    } catch {
      // process gone
    }
  }
  return { rssMb: rssKb / 1024, cpuSeconds: ticks / CLK_TCK };
}

// ---- viewers run in child processes (bench/support/tail-viewers.mjs): parsing 200 streams must not delay the
// producer's clock, and their CPU is read from /proc apart from the server's ----
const VIEWER_SCRIPT = path.join(import.meta.dirname, "support/tail-viewers.mjs");

interface ViewerReport {
  received: number;
  skipped: number;
  error: string | null;
}

async function main() {
  let server: ConsoleServer | null = null;
  let floor: ChildProcess | null = null;
  if (FLOOR) {
    floor = fork(path.join(import.meta.dirname, "support/bare-tail-server.mjs"), [JSON.stringify({ port: PORT, brokers })], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
    await new Promise((r) => floor!.once("message", r));
    url = `http://127.0.0.1:${PORT}`;
    serverPid = floor.pid ?? null;
  } else if (!url) {
    if (PROFILE_DIR) mkdirSync(PROFILE_DIR, { recursive: true });
    server = await startConsoleServer(PORT, PROFILE_DIR ? { nodeArgs: ["--cpu-prof", `--cpu-prof-dir=${path.resolve(PROFILE_DIR)}`] } : {});
    ({ url, pid: serverPid } = server);
  }
  log(`console ${url}${serverPid ? ` (pid ${serverPid})` : ""}; topic ${topic}, ${PARTITIONS} partitions; ${VIEWERS} viewers; ${RATE} msg/s for ${SECONDS} s`);
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: PARTITIONS }] });
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner, allowAutoTopicCreation: false });
  await producer.connect();
  const expected = RATE * SECONDS;
  const workers: ChildProcess[] = [];
  try {
    // 1. the viewers
    let ready = 0;
    const per = Math.ceil(VIEWERS / WORKERS);
    for (let w = 0; w < WORKERS; w++) {
      const count = Math.min(per, VIEWERS - w * per);
      if (count <= 0) break;
      const worker = fork(VIEWER_SCRIPT, [JSON.stringify({ url: `${url}/api/topics/${topic}/tail`, count, expected, bucketMs: BUCKET_MS, buckets: BUCKETS })], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
      worker.on("message", (m: { type: string }) => {
        if (m.type === "ready") ready++;
      });
      workers.push(worker);
    }
    const readyBy = Date.now() + 60_000;
    while (ready < VIEWERS && Date.now() < readyBy) await sleep(100);
    log(`${ready}/${VIEWERS} viewers connected`);

    // 2. the baseline: a plain kafkajs consumer of the same topic, in this process
    const baselineHist = new Float64Array(BUCKETS);
    let baselineReceived = 0;
    const baseline = kafka.consumer({ groupId: `bench-tail-baseline-${randomBytes(3).toString("hex")}`, maxWaitTimeInMs: 250 });
    await baseline.connect();
    await baseline.subscribe({ topics: [topic], fromBeginning: true });
    let joined = false;
    baseline.on(baseline.events.GROUP_JOIN, () => (joined = true));
    await baseline.run({
      eachBatch: async ({ batch }) => {
        const now = Date.now();
        for (const m of batch.messages) {
          const t = /"t":(\d+)/.exec(m.value?.toString() ?? "");
          if (t) {
            record(baselineHist, now - Number(t[1]));
            baselineReceived++;
          }
        }
      },
    });
    while (!joined) await sleep(50);

    // 3. produce RATE msg/s for SECONDS s, in small batches every 10 ms; sample the server meanwhile
    const pad = "x".repeat(120);
    const samples: { rssMb: number; cpuSeconds: number; at: number }[] = [];
    const sampler = serverPid
      ? setInterval(() => samples.push({ ...sample(serverPid!), at: performance.now() }), 1000)
      : null;
    if (serverPid) samples.push({ ...sample(serverPid), at: performance.now() });
    const viewerCpu = () => workers.reduce((s, w) => s + (w.pid ? sample(w.pid).cpuSeconds : 0), 0);
    const viewerCpuAtStart = { cpu: viewerCpu(), at: performance.now() };
    const started = performance.now();
    // seq counts from 1, as the viewers' checks expect.
    const seq = await producePaced(producer, topic, RATE, expected, (i, now) => ({ key: `k${(i + 1) % 997}`, value: `{"seq":${i + 1},"t":${now},"pad":"${pad}"}` }));
    const produceSeconds = (performance.now() - started) / 1000;
    const viewerCores = (viewerCpu() - viewerCpuAtStart.cpu) / ((performance.now() - viewerCpuAtStart.at) / 1000);
    if (serverPid) samples.push({ ...sample(serverPid), at: performance.now() });
    if (sampler) clearInterval(sampler);
    log(`produced ${seq} messages in ${produceSeconds.toFixed(1)} s`);
    // While the viewers are still connected: how many the server writes to the socket itself.
    const during = (await (await fetch(`${url}/api/topics/hub`)).json()) as { data: { topics: { topic: string; viewersOnSocket?: number }[] } };
    const onSocket = during.data.topics.find((t) => t.topic === topic)?.viewersOnSocket ?? 0;

    // 4. let the last messages arrive, then collect
    const drainBy = Date.now() + 15_000;
    while (baselineReceived < expected && Date.now() < drainBy) await sleep(100);
    await sleep(1500);
    const reports = await Promise.all(
      workers.map(
        (w) =>
          new Promise<{ sparse: number[]; loopP99Ms: number; viewers: ViewerReport[] }>((resolve) => {
            w.on("message", (m: { type: string; sparse: number[]; loopP99Ms: number; viewers: ViewerReport[] }) => {
              if (m.type === "report") resolve(m);
            });
            w.send("report");
          }),
      ),
    );
    await baseline.disconnect();

    const hist = new Float64Array(BUCKETS);
    for (const r of reports) for (let i = 0; i < r.sparse.length; i += 2) hist[r.sparse[i]!]! += r.sparse[i + 1]!;
    const viewers = reports.flatMap((r) => r.viewers);
    const failed = viewers.filter((v) => v.error);
    const keptUp = viewers.filter((v) => !v.error && v.skipped === 0);
    const lost = keptUp.reduce((s, v) => s + (expected - v.received), 0);
    const hubStats = ((await (await fetch(`${url}/api/topics/hub`)).json()) as {
      data: { consumersOpenedByTopic: Record<string, number>; fanoutDelayMs?: { p50: number | null; p99: number | null } };
    }).data;
    const hubConsumers = hubStats.consumersOpenedByTopic[topic] ?? 0;
    const first = samples[0];
    const last = samples.at(-1);
    const rssMb = samples.length ? Math.max(...samples.map((s) => s.rssMb)) : NaN;
    const cpuCores = first && last && last.at > first.at ? (last.cpuSeconds - first.cpuSeconds) / ((last.at - first.at) / 1000) : NaN;
    const p50 = percentile(hist, 0.5);
    const p99 = percentile(hist, 0.99);
    const b50 = percentile(baselineHist, 0.5);
    const b99 = percentile(baselineHist, 0.99);
    const round = (x: number, d = 1) => (Number.isFinite(x) ? Math.round(x * 10 ** d) / 10 ** d : null);

    const rows: [string, string, string][] = [
      ["viewers (connected / failed)", `${VIEWERS - failed.length} / ${failed.length}`, ""],
      ["messages produced", `${expected} in ${produceSeconds.toFixed(1)} s`, `${RATE} msg/s`],
      ["Kafka consumers opened by the hub", String(hubConsumers), "target 1"],
      ["viewers written to their socket directly", `${onSocket} / ${VIEWERS}`, "the rest through a Web stream"],
      ["viewers that kept up (no skip marker)", `${keptUp.length} / ${VIEWERS}`, ""],
      ["messages lost by viewers that kept up", String(lost), "target 0"],
      ["produce → viewer latency p50 / p99", `${round(p50)} / ${round(p99)} ms`, "target p99 ≤ 3× the plain consumer's"],
      ["  of which in the hub (read → written) p50 / p99", `${hubStats.fanoutDelayMs?.p50 ?? "?"} / ${hubStats.fanoutDelayMs?.p99 ?? "?"} ms`, "last 4096 writes"],
      ["  bench viewers' own event-loop delay p99", `${round(Math.max(...reports.map((r) => r.loopP99Ms)))} ms`, "measurement noise, client side"],
      ["plain kafkajs consumer p50 / p99", `${round(b50)} / ${round(b99)} ms`, "baseline, same run"],
      ["p99 ratio (hub viewers / baseline)", String(round(p99 / b99, 2)), ""],
      ["server RSS (peak)", `${round(rssMb)} MB`, "target < 400 MB"],
      ["server CPU while producing", `${round(cpuCores, 2)} cores`, "target < 1 core"],
      ["bench viewers' own CPU (not the server's)", `${round(viewerCores, 2)} cores`, `${workers.length} processes`],
    ];
    const w0 = Math.max(...rows.map((r) => r[0].length));
    const w1 = Math.max(...rows.map((r) => r[1].length));
    console.log(FLOOR ? "\n(floor: a bare node:http fan-out, not the console)" : "");
    for (const [a, b, c] of rows) console.log(`${a.padEnd(w0)}  ${b.padEnd(w1)}  ${c}`);
    if (failed.length) console.log(`viewer errors: ${[...new Set(failed.map((f) => f.error))].slice(0, 3).join("; ")}`);
    console.log(
      JSON.stringify({
        viewers: VIEWERS,
        rate: RATE,
        ...(FLOOR ? { floor: true } : {}),
        hub_consumers: hubConsumers,
        lost,
        p50_ms: round(p50),
        p99_ms: round(p99),
        rss_mb: round(rssMb),
        cpu_cores: round(cpuCores, 2),
        viewer_cpu_cores: round(viewerCores, 2),
        viewers_on_socket: onSocket,
        baseline_p99_ms: round(b99),
        baseline_p50_ms: round(b50),
        p99_ratio: round(p99 / b99, 2),
        seconds: SECONDS,
        viewers_skipped: viewers.filter((v) => v.skipped > 0).length,
        viewers_failed: failed.length,
      }),
    );
  } finally {
    for (const w of workers) w.kill();
    await producer.disconnect().catch(() => undefined);
    // Through the console first: its hub then closes the topic's consumer and deletes that group at once.
    await fetch(`${url}/api/topics/${topic}`, { method: "DELETE" }).catch(() => undefined);
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    const groups = (await admin.listGroups().catch(() => ({ groups: [] as { groupId: string }[] }))).groups.filter(
      (g) => g.groupId.startsWith("bench-tail-baseline-") || g.groupId.startsWith(`lab-console-tail-${topic}-`) || g.groupId === `bench-tail-floor-${topic}`,
    );
    if (groups.length) await admin.deleteGroups(groups.map((g) => g.groupId)).catch(() => undefined);
    await admin.disconnect();
    server?.stop();
    floor?.kill();
    // A CPU profile is written as the server exits.
    if (server && PROFILE_DIR) await new Promise((r) => (server!.child.exitCode !== null ? r(null) : server!.child.once("exit", r)));
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
