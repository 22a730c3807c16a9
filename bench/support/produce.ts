// Producing a benchmark's load: `count` messages at `rate` per second, in small batches every 10 ms, counted from
// the start (a slow batch is caught up, the achieved rate does not drift). Resolves with the number produced.
import type { Producer } from "kafkajs";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function producePaced(producer: Producer, topic: string, rate: number, count: number, message: (i: number, now: number) => { key: string; value: string }): Promise<number> {
  let seq = 0;
  const started = performance.now();
  const sends: Promise<unknown>[] = [];
  while (seq < count) {
    const due = Math.min(count, Math.floor(((performance.now() - started) / 1000) * rate));
    if (due > seq) {
      const messages = [];
      const now = Date.now();
      for (; seq < due; seq++) messages.push(message(seq, now));
      sends.push(producer.send({ topic, messages, acks: 1 }));
      if (sends.length > 200) await Promise.all(sends.splice(0, 100));
    }
    await sleep(10);
  }
  await Promise.all(sends);
  return seq;
}
