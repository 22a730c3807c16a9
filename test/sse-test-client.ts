// A small Server-Sent Events reader for tests and the bench: parses a Response body into events. Pure.

export interface SseMessage {
  id: string | null;
  event: string;
  data: string;
}

export class SseReader {
  private readonly reader: ReadableStreamDefaultReader<Uint8Array>;
  private readonly decoder = new TextDecoder();
  private buffer = "";
  private readonly queued: SseMessage[] = [];
  ended = false;

  constructor(body: ReadableStream<Uint8Array>) {
    this.reader = body.getReader();
  }

  private parseBuffered(): void {
    for (;;) {
      const end = this.buffer.indexOf("\n\n");
      if (end < 0) return;
      const block = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(end + 2);
      let id: string | null = null;
      let event = "message";
      const data: string[] = [];
      for (const line of block.split("\n")) {
        if (line.startsWith(":")) continue;
        const colon = line.indexOf(":");
        const field = colon < 0 ? line : line.slice(0, colon);
        const value = colon < 0 ? "" : line.slice(colon + 1).replace(/^ /, "");
        if (field === "id") id = value;
        else if (field === "event") event = value;
        else if (field === "data") data.push(value);
      }
      if (data.length) this.queued.push({ id, event, data: data.join("\n") });
    }
  }

  /** The next event, or null when the stream ended. */
  async next(): Promise<SseMessage | null> {
    for (;;) {
      const q = this.queued.shift();
      if (q) return q;
      if (this.ended) return null;
      const { value, done } = await this.reader.read();
      if (done) {
        this.ended = true;
        continue;
      }
      this.buffer += this.decoder.decode(value, { stream: true });
      this.parseBuffered();
    }
  }

  /** Events until `stop` says so (inclusive); rejects after `timeoutMs`. */
  async collect(stop: (e: SseMessage, all: SseMessage[]) => boolean, timeoutMs: number): Promise<SseMessage[]> {
    const all: SseMessage[] = [];
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`SSE: condition not met within ${timeoutMs} ms after ${all.length} events (last: ${JSON.stringify(all.at(-1))?.slice(0, 300)})`)), timeoutMs);
    });
    try {
      await Promise.race([
        (async () => {
          for (;;) {
            const e = await this.next();
            if (!e) throw new Error(`SSE stream ended after ${all.length} events`);
            all.push(e);
            if (stop(e, all)) return;
          }
        })(),
        timeout,
      ]);
      return all;
    } finally {
      clearTimeout(timer);
    }
  }

  async cancel(): Promise<void> {
    await this.reader.cancel().catch(() => undefined);
  }
}
