// bench:tail --floor: the least a live tail can do on this machine, to tell the console's cost from the machine's.
// A bare node:http server (no Next.js, no hub) with ONE kafkajs consumer per topic that writes each flush's records
// as one chunk to every viewer's socket, on the console's flush schedule (10 ms, or longer past 40,000 writes/s).
// It answers the three routes bench/tail.ts uses, in the console's shapes. Started by bench/tail.ts with fork().
import http from "node:http";
import { Kafka, logLevel } from "kafkajs";

const { port, brokers } = JSON.parse(process.argv[2]);
const kafka = new Kafka({ clientId: "bench-tail-floor", brokers, logLevel: logLevel.NOTHING });
/** topic → { viewers: Set<ServerResponse>, consumer, pending: Buffer[], timer, last } */
const tails = new Map();

function flush(t) {
  t.timer = null;
  t.last = performance.now();
  if (t.pending.length === 0) return;
  const chunk = Buffer.concat(t.pending);
  t.pending = [];
  for (const res of t.viewers) res.write(chunk);
}

async function tailOf(topic) {
  let t = tails.get(topic);
  if (t) return t;
  t = { viewers: new Set(), consumer: kafka.consumer({ groupId: `bench-tail-floor-${topic}`, maxWaitTimeInMs: 250 }), pending: [], timer: null, last: 0, ready: null };
  tails.set(topic, t);
  t.ready = (async () => {
    await t.consumer.connect();
    await t.consumer.subscribe({ topics: [topic], fromBeginning: true });
    await t.consumer.run({
      eachBatch: async ({ batch }) => {
        for (const m of batch.messages) t.pending.push(Buffer.from(`id: ${batch.partition}:${m.offset}\ndata: ${m.value}\n\n`));
        if (!t.timer) {
          const period = Math.max(10, Math.ceil((t.viewers.size * 1000) / 40_000));
          t.timer = setTimeout(() => flush(t), Math.max(0, t.last + period - performance.now()));
        }
      },
    });
  })();
  await t.ready;
  return t;
}

const json = (res, status, body) => {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
};

http
  .createServer(async (req, res) => {
    const [, , , topic, what] = (req.url ?? "").split("?")[0].split("/"); // /api/topics/<topic>/tail
    try {
      if (req.method === "GET" && what === "tail") {
        const t = await tailOf(decodeURIComponent(topic));
        res.writeHead(200, { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache" });
        res.write("event: ready\ndata: {}\n\n");
        t.viewers.add(res);
        res.on("close", () => t.viewers.delete(res));
      } else if (req.method === "GET" && topic === "hub") {
        const opened = Object.fromEntries([...tails.keys()].map((k) => [k, 1]));
        json(res, 200, { ok: true, data: { consumersOpenedByTopic: opened, topics: [...tails].map(([k, t]) => ({ topic: k, viewersOnSocket: t.viewers.size })) } });
      } else if (req.method === "DELETE" && topic) {
        const t = tails.get(decodeURIComponent(topic));
        tails.delete(decodeURIComponent(topic));
        await t?.consumer.disconnect();
        json(res, 200, { ok: true, data: null });
      } else {
        json(res, 404, { ok: false });
      }
    } catch (e) {
      json(res, 500, { ok: false, error: String(e) });
    }
  })
  .listen(port, "127.0.0.1", () => process.send?.("listening"));
