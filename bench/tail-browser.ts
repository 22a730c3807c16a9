// bench/tail-browser — does the live tail page stay responsive while 1,000 change events/s arrive?
//
//   npm run bench:tail-browser [-- --rate 1000 --seconds 30 --url http://127.0.0.1:3000]
//
// Opens /topics/<topic>/live in Debian's Chromium and produces Debezium change events (c/u/d on a pessoas-like
// table, the shape the lab's connector writes) at --rate for --seconds. Inside the page it records the interval
// between animation frames, long tasks (> 50 ms, the browser's own PerformanceObserver) and how late a 0 ms timer
// fires (what a click would wait); at the end the rows kept and the JS heap. Without --url it starts its own
// production server (built in .next-bench when the sources are newer, bench/support/console-server.ts).
// Prints a table, then one JSON line. Figures are reported, never judged: the machines are shared.
import { randomBytes } from "node:crypto";
import { Kafka, logLevel, Partitioners } from "kafkajs";
import { chromium } from "@playwright/test";
import { arg, labBrokers } from "./support/args";
import { startConsoleServer, type ConsoleServer } from "./support/console-server";
import { producePaced } from "./support/produce";

const RATE = Number(arg("rate", "1000"));
const SECONDS = Number(arg("seconds", "30"));
const PORT = Number(arg("port", "3203"));
let url = arg("url", "");

const brokers = labBrokers();
const kafka = new Kafka({ clientId: "bench-tail-browser", brokers, logLevel: logLevel.NOTHING });
const topic = `bench-tail-browser-${randomBytes(3).toString("hex")}`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const log = (...a: unknown[]) => console.error("[bench:tail-browser]", ...a);

const NAMES = ["Ana Souza", "Bruno Lima", "Carla Dias", "Diego Rocha", "Elisa Prado", "Fábio Nunes", "Gabriela Reis"];
/** The n-th change event: mostly updates (a changed name), some inserts and deletes, like a CDC demo. */
function changeEvent(n: number, now: number): string {
  const id = 1000 + (n % 5000);
  const row = (name: string) => ({ id, nome: name, sexo: n % 2 ? "F" : "M", dt_nasc: 9000 + (n % 9000) });
  const op = n % 10 === 0 ? "c" : n % 10 === 1 ? "d" : "u";
  const before = op === "c" ? null : row(NAMES[n % NAMES.length]!);
  const after = op === "d" ? null : row(`${NAMES[(n + 1) % NAMES.length]} ${n}`);
  const source = { version: "3.6.1.Final", connector: "postgresql", name: "liga_sudoers", ts_ms: now, snapshot: "false", db: "liga_sudoers", schema: "public", table: "pessoas", txId: 700 + n, lsn: 24_000_000 + n * 64 };
  return JSON.stringify({ before, after, source, op, ts_ms: now });
}

/** Installed in the page before it loads: frame intervals, long tasks, timer lateness. */
const PROBE = `
  window.__bench = { frames: [], longTasks: [], timerLag: [], recording: false };
  (function frame(prev) {
    requestAnimationFrame((t) => { if (window.__bench.recording && prev) window.__bench.frames.push(t - prev); frame(t); });
  })(0);
  new PerformanceObserver((list) => {
    if (window.__bench.recording) for (const e of list.getEntries()) window.__bench.longTasks.push(e.duration);
  }).observe({ type: "longtask", buffered: false });
  setInterval(() => {
    const asked = performance.now();
    setTimeout(() => { if (window.__bench.recording) window.__bench.timerLag.push(performance.now() - asked); }, 0);
  }, 100);
`;

function pct(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
}
const round = (x: number) => Math.round(x * 10) / 10;

async function main() {
  let server: ConsoleServer | null = null;
  if (!url) {
    server = await startConsoleServer(PORT);
    url = server.url;
  }
  const admin = kafka.admin();
  await admin.connect();
  await admin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: 3 }] });
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner, allowAutoTopicCreation: false });
  await producer.connect();
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu"] });
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 }, locale: "en-US" });
    await page.addInitScript(PROBE);
    await page.goto(`${url}/topics/${topic}/live`);
    await page.locator('[data-testid="tail-status"][data-status="live"]').waitFor({ timeout: 30_000 });
    log(`console ${url}; topic ${topic}; ${RATE} events/s for ${SECONDS} s`);

    const recordingFrom = await page.evaluate(() => {
      (window as unknown as { __bench: { recording: boolean } }).__bench.recording = true;
      return performance.now();
    });
    const expected = RATE * SECONDS;
    const seq = await producePaced(producer, topic, RATE, expected, (i, now) => ({ key: JSON.stringify({ id: 1000 + (i % 5000) }), value: changeEvent(i, now) }));
    await sleep(2000);
    const probe = await page.evaluate(() => {
      const b = (window as unknown as { __bench: { frames: number[]; longTasks: number[]; timerLag: number[]; recording: boolean } }).__bench;
      b.recording = false;
      const memory = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
      return { frames: b.frames, longTasks: b.longTasks, timerLag: b.timerLag, heapBytes: memory?.usedJSHeapSize ?? 0, now: performance.now() };
    });
    const recordedSeconds = (probe.now - recordingFrom) / 1000;
    const counts = (await page.getByTestId("tail-counts").textContent()) ?? "";
    const [shown, received] = (counts.match(/[\d,.]+/g) ?? ["0", "0"]).map((x) => Number(x.replace(/[,.]/g, "")));
    const domRows = await page.getByTestId("tail-row").count();

    const result = {
      rate: RATE,
      seconds: SECONDS,
      produced: seq,
      received,
      shown,
      dom_rows: domRows,
      frame_p50_ms: round(pct(probe.frames, 0.5)),
      frame_p99_ms: round(pct(probe.frames, 0.99)),
      frame_max_ms: round(Math.max(0, ...probe.frames)),
      fps: round(probe.frames.length / recordedSeconds),
      long_tasks: probe.longTasks.length,
      long_task_ms: Math.round(probe.longTasks.reduce((a, b) => a + b, 0)),
      timer_lag_p99_ms: round(pct(probe.timerLag, 0.99)),
      heap_mb: round(probe.heapBytes / 1024 / 1024),
    };
    console.log("");
    console.log(`events produced / received by the page / kept (shown) / rows in the DOM  ${result.produced} / ${result.received} / ${result.shown} / ${result.dom_rows}`);
    console.log(`animation frames: ${result.fps}/s; interval p50 ${result.frame_p50_ms} ms, p99 ${result.frame_p99_ms} ms, max ${result.frame_max_ms} ms`);
    console.log(`long tasks (> 50 ms): ${result.long_tasks}, ${result.long_task_ms} ms in all over ${recordedSeconds.toFixed(1)} s recorded`);
    console.log(`a 0 ms timer fires late by (p99): ${result.timer_lag_p99_ms} ms  — what a click waits for`);
    console.log(`JS heap at the end: ${result.heap_mb} MB`);
    console.log(JSON.stringify(result));
  } finally {
    await browser.close();
    await producer.disconnect();
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await admin.disconnect();
    if (server) {
      server.stop();
      await sleep(1000);
    }
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
