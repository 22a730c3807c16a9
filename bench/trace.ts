// bench/trace — trace a change, 20 times, on a pipeline of its own (test/trace-lab.ts: a Debezium source on
// public.pessoas with its own slot, publication and topic prefix; the lab's S3 sink with flush.size=1 and
// rotate.interval.ms=1000 into a bucket of its own). Each trace runs through the same lib/ code the console's route
// calls (lib/pipeline/trace/runner.ts: the marked change, the shared topic reader, the bucket's polling), in this
// process, one after the other. Prints per-hop latencies from the systems' own timestamps (PostgreSQL's commit
// time → Kafka's record timestamp → the object's Last-Modified) and the console's own share: the time between a
// system's timestamp and the console noticing it, over the commit → last noticed time. Removes everything after.
// Never passes or fails on time.
//
//   npm run bench:trace [-- --traces 20]
//
// Last line: {"traces": 20, "completed": …, "commit_to_topic_p50_ms": …, "commit_to_topic_p99_ms": …,
//             "topic_to_object_p50_ms": …, "topic_to_object_p99_ms": …, "console_share_pct": …}
import { randomBytes } from "node:crypto";
import { readLabEndpoints, resolveConfig } from "../lib/config-core";
import { db } from "../lib/db";
import { traceRunner } from "../lib/pipeline/trace/runner";
import { getTrace } from "../lib/pipeline/trace/store";
import { closeTraceReaders } from "../lib/pipeline/trace/topic-watch";
import type { TraceView } from "../lib/pipeline/shared/trace";
import { createTraceLab } from "../test/trace-lab";
import { arg } from "./support/args";

const TRACES = Number(arg("traces", "20"));
const PREFIX = `bench-trace-${randomBytes(3).toString("hex")}`;
const log = (s: string) => process.stderr.write(`${s}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Nearest-rank percentile; null without samples. */
function pct(xs: number[], p: number): number | null {
  if (!xs.length) return null;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))]!;
}

async function main() {
  const cfg = resolveConfig(process.env, readLabEndpoints());
  log(`[bench:trace] setting up ${PREFIX} (source, sink with flush.size=1, rotate.interval.ms=1000, bucket)…`);
  const lab = await createTraceLab(cfg, PREFIX);
  const done: TraceView[] = [];
  try {
    for (let i = 0; i < TRACES; i++) {
      const started = await traceRunner().start({ cluster: "0", connector: lab.source, table: "public.pessoas", eventTimeoutS: 30, objectTimeoutS: 60 }, "bench");
      let t = started;
      while (t.status === "running") {
        await sleep(200);
        t = await getTrace(started.id);
      }
      done.push(t);
      log(`  #${i + 1} ${t.status}${t.stop ? ` (${t.stop.code})` : ""}${t.error ? ` (${t.error.code})` : ""}: commit→topic ${t.latency.commitToTopicMs ?? "—"} ms, topic→object ${t.latency.topicToObjectMs ?? "—"} ms, console ${t.latency.consoleMs ?? "—"} ms`);
    }
  } finally {
    await lab.cleanup().catch((e) => log(`cleanup: ${String(e)}`));
    await db().pipelineTrace.deleteMany({ where: { connector: lab.source } }).catch(() => undefined);
    await closeTraceReaders();
  }
  const completed = done.filter((t) => t.status === "completed");
  const c2t = completed.map((t) => t.latency.commitToTopicMs!).filter((x) => x !== null);
  const t2o = completed.map((t) => t.latency.topicToObjectMs!).filter((x) => x !== null);
  const consoleMs = completed.reduce((s, t) => s + (t.latency.consoleMs ?? 0), 0);
  const totalMs = completed.reduce((s, t) => s + (t.latency.noticedTotalMs ?? 0), 0);
  const share = totalMs > 0 ? Math.round((consoleMs / totalMs) * 1000) / 10 : null;
  const out = {
    traces: TRACES,
    completed: completed.length,
    commit_to_topic_p50_ms: pct(c2t, 0.5),
    commit_to_topic_p99_ms: pct(c2t, 0.99),
    topic_to_object_p50_ms: pct(t2o, 0.5),
    topic_to_object_p99_ms: pct(t2o, 0.99),
    console_share_pct: share,
  };
  console.log("hop               p50 ms   p99 ms");
  console.log(`commit → topic    ${String(out.commit_to_topic_p50_ms).padStart(6)}   ${String(out.commit_to_topic_p99_ms).padStart(6)}`);
  console.log(`topic → object    ${String(out.topic_to_object_p50_ms).padStart(6)}   ${String(out.topic_to_object_p99_ms).padStart(6)}`);
  const errors = completed.map((t) => t.hops.object?.writtenAtErrorMs ?? 0);
  if (errors.some((e) => e > 0)) console.log(`the S3 server's Last-Modified has whole seconds: each object's write time is the middle of its possible window, ± ${Math.round(errors.reduce((a, b) => a + b, 0) / errors.length)} ms on average`);
  console.log(`console's share of commit → last noticed: ${share ?? "—"} % (${Math.round(consoleMs)} of ${Math.round(totalMs)} ms over ${completed.length} traces)`);
  console.log(JSON.stringify(out));
  process.exit(0);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
