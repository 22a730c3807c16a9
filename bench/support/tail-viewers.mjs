// bench:tail's viewers: one child process holding `count` SSE connections to the tail (a process, not a worker
// thread, so the bench can read its CPU from /proc and tell the viewers' cost from the server's).
// Started by bench/tail.ts with fork(); reports over IPC.
import http from "node:http";
import { monitorEventLoopDelay } from "node:perf_hooks";
const loop = monitorEventLoopDelay({ resolution: 10 });
loop.enable();
const { url, count, expected, bucketMs, buckets } = JSON.parse(process.argv[2]);
const viewers = [];
const requests = [];
const hist = new Float64Array(buckets);
let stop = false;
// node:http rather than fetch: undici's body stream costs a few promises per chunk, and at 200 viewers × 50
// writes/s that client-side cost showed up as latency the server never caused. EventSource in a browser is
// one process per viewer; here 100 streams share one event loop, so the cheapest reader measures best.
function viewer() {
  const v = { ready: false, received: 0, skipped: 0, seen: new Uint8Array(expected + 1), error: null };
  viewers.push(v);
  const re = /"seq":(\d+),"t":(\d+)/g;
  const fail = (e) => {
    if (v.error) return;
    v.error = String((e && e.message) || e);
    if (!v.ready) process.send({ type: "ready" });
  };
  const req = http.get(url, { headers: { accept: "text/event-stream" }, agent: false }, (res) => {
    if (res.statusCode !== 200) {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (d) => (body += d));
      res.on("end", () => fail(new Error("HTTP " + res.statusCode + " " + body)));
      return;
    }
    res.setEncoding("utf8");
    let rest = "";
    res.on("data", (chunk) => {
      if (stop) return;
      const now = Date.now();
      const text = rest + chunk;
      const end = text.lastIndexOf("\n\n");
      if (end < 0) { rest = text; return; }
      const complete = end + 2 === text.length ? text : text.slice(0, end + 2);
      rest = end + 2 === text.length ? "" : text.slice(end + 2);
      if (!v.ready && complete.includes("event: ready")) { v.ready = true; process.send({ type: "ready" }); }
      if (complete.includes("event: skipped")) for (const m of complete.matchAll(/event: skipped\ndata: \{"count":(\d+)\}/g)) v.skipped += Number(m[1]);
      re.lastIndex = 0;
      let m;
      while ((m = re.exec(complete))) {
        const seq = Number(m[1]);
        if (seq <= expected && !v.seen[seq]) { v.seen[seq] = 1; v.received++; }
        hist[Math.min(buckets - 1, Math.max(0, Math.round((now - Number(m[2])) / bucketMs)))]++;
      }
    });
    res.on("error", (e) => { if (!stop) fail(e); });
  });
  req.on("error", (e) => { if (!stop) fail(e); });
  requests.push(req);
}
process.on("message", (msg) => {
  if (msg !== "report") return;
  stop = true;
  for (const r of requests) r.destroy();
  // Only the buckets that hold something: the histogram has 600,000.
  const sparse = [];
  for (let i = 0; i < hist.length; i++) if (hist[i]) sparse.push(i, hist[i]);
  process.send({ type: "report", sparse, loopP99Ms: loop.percentile(99) / 1e6, viewers: viewers.map((v) => ({ received: v.received, skipped: v.skipped, error: v.error })) }, () => process.exit(0));
});
process.on("disconnect", () => process.exit(0));
for (let i = 0; i < count; i++) viewer();
