import "server-only";
import { createInterface } from "node:readline";
import type { Readable } from "node:stream";
import { GetObjectCommand } from "@aws-sdk/client-s3";
import { s3 } from "../../s3/client";
import { s3Call } from "../../s3/errors";
import { pageKeys } from "../../s3/objects/list";
import { lineMatches, mayHoldEvent, objectWrittenAt } from "./match";
import type { ObjectHop, TopicHop, TraceSink } from "../shared/trace";

// Hop 3: the object a sink wrote that holds the traced event. Lists only the keys under the topic's prefix that may
// hold it (written after the event; when the key names its partition and first offset, that partition and a range
// starting at or before the event's offset), and streams each one line by line until the marker's line.

/** Pages of 1,000 keys looked at per poll and sink: a prefix with years of objects is not walked to its end. */
const MAX_PAGES = 20;
/** Objects read per poll: a sink writing many small objects is read a few at a time. */
const MAX_READS = 20;

async function findLine(bucket: string, key: string, marker: string, signal: AbortSignal): Promise<number | null> {
  const out = await s3Call({ action: "read an object", bucket, key }, () => s3().send(new GetObjectCommand({ Bucket: bucket, Key: key }), { abortSignal: signal }));
  const body = out.Body as Readable | undefined;
  if (!body) return null;
  const lines = createInterface({ input: body, crlfDelay: Infinity });
  let n = 0;
  try {
    for await (const line of lines) {
      n++;
      if (lineMatches(line, marker)) return n;
    }
    return null;
  } finally {
    lines.close();
    body.destroy();
  }
}

/**
 * Looks once in every sink's prefix for the event's object. `checked` remembers the keys already read (objects are
 * written once), so each poll reads only new ones.
 */
export async function findObject(sinks: TraceSink[], event: TopicHop, marker: string, checked: Set<string>, signal: AbortSignal): Promise<ObjectHop | null> {
  const ev = { partition: event.partition, offset: BigInt(event.offset), brokerAt: Date.parse(event.brokerAt) };
  let reads = 0;
  for (const sink of sinks) {
    let pages = 0;
    const candidates: { key: string; lastModified: number }[] = [];
    for await (const page of pageKeys(sink.bucket, sink.prefix, signal)) {
      for (const o of page) {
        const c = { key: o.Key ?? "", lastModified: o.LastModified?.getTime() ?? 0 };
        if (c.key && !checked.has(`${sink.bucket}/${c.key}`) && mayHoldEvent(c, ev)) candidates.push(c);
      }
      if (++pages >= MAX_PAGES) break;
    }
    // The oldest first: the event's object is the first one written after it.
    candidates.sort((a, b) => a.lastModified - b.lastModified || a.key.localeCompare(b.key));
    for (const c of candidates) {
      if (reads++ >= MAX_READS) return null;
      const line = await findLine(sink.bucket, c.key, marker, signal);
      const noticedAt = Date.now();
      checked.add(`${sink.bucket}/${c.key}`);
      if (line !== null) {
        const written = objectWrittenAt(c.lastModified, ev.brokerAt, noticedAt);
        return {
          sink: { cluster: sink.cluster, name: sink.name },
          bucket: sink.bucket,
          key: c.key,
          line,
          lastModified: new Date(c.lastModified).toISOString(),
          writtenAt: new Date(written.at).toISOString(),
          writtenAtErrorMs: written.errorMs,
          noticedAt: new Date(noticedAt).toISOString(),
        };
      }
    }
  }
  return null;
}
