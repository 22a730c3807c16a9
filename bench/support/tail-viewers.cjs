// bench:tail's viewers: one child process holding `count` SSE connections to the tail (a process, not a worker
// thread, so the bench can read its CPU from /proc and tell the viewers' cost from the server's).
// Started by bench/tail.ts with fork(); reports over IPC.
const { monitorEventLoopDelay } = require("node:perf_hooks");
const loop = monitorEventLoopDelay({ resolution: 10 });
loop.enable();
const { url, count, expected, bucketMs, buckets } = JSON.parse(process.argv[2]);
const viewers = [];
const hist = new Float64Array(buckets);
let stop = false;
async function viewer() {
  const v = { ready: false, received: 0, skipped: 0, seen: new Uint8Array(expected + 1), error: null };
  viewers.push(v);
  try {
    const res = await fetch(url, { headers: { accept: "text/event-stream" } });
    if (!res.ok) throw new Error("HTTP " + res.status + " " + (await res.text()));
    const reader = res.body.getReader();
    const dec = new TextDecoder();
    let rest = "";
    const re = /"seq":(\d+),"t":(\d+)/g;
    while (!stop) {
      const { value, done } = await reader.read();
      if (done) break;
      const now = Date.now();
      const text = rest + dec.decode(value, { stream: true });
      const end = text.lastIndexOf("\n\n");
      if (end < 0) { rest = text; continue; }
      const complete = text.slice(0, end + 2);
      rest = text.slice(end + 2);
      if (!v.ready && complete.includes("event: ready")) { v.ready = true; process.send({ type: "ready" }); }
      if (complete.includes("event: skipped")) for (const m of complete.matchAll(/event: skipped\ndata: \{"count":(\d+)\}/g)) v.skipped += Number(m[1]);
      re.lastIndex = 0;
      let m;
      while ((m = re.exec(complete))) {
        const seq = Number(m[1]);
        if (seq <= expected && !v.seen[seq]) { v.seen[seq] = 1; v.received++; }
        hist[Math.min(buckets - 1, Math.max(0, Math.round((now - Number(m[2])) / bucketMs)))]++;
      }
    }
    reader.cancel().catch(() => {});
  } catch (e) {
    v.error = String((e && e.message) || e);
    process.send({ type: "ready" });
  }
}
process.on("message", (msg) => {
  if (msg !== "report") return;
  stop = true;
  // Only the buckets that hold something: the histogram has 600,000.
  const sparse = [];
  for (let i = 0; i < hist.length; i++) if (hist[i]) sparse.push(i, hist[i]);
  process.send({ type: "report", sparse, loopP99Ms: loop.percentile(99) / 1e6, viewers: viewers.map((v) => ({ received: v.received, skipped: v.skipped, error: v.error })) }, () => process.exit(0));
});
process.on("disconnect", () => process.exit(0));
for (let i = 0; i < count; i++) viewer();
