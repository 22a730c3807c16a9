// Server-Sent Events responses for every stream of the console (generator progress, the live tail…): the
// headers that keep proxies from buffering, a keep-alive comment, and closing when the browser goes away.
import "server-only";
import { sseComment, sseEvent } from "./sse-frames";

export const SSE_HEADERS = {
  "Content-Type": "text/event-stream; charset=utf-8",
  // no-transform: keeps compression (which would buffer events) off this response.
  "Cache-Control": "no-cache, no-store, no-transform",
  Connection: "keep-alive",
  "X-Accel-Buffering": "no",
} as const;

/** A stream made elsewhere (the tail hub's), answered with the SSE headers. */
export function sseStreamResponse(stream: ReadableStream<Uint8Array>): Response {
  return new Response(stream, { headers: SSE_HEADERS });
}

export interface SseChannel {
  send(data: unknown, options?: { id?: string; event?: string }): void;
  close(): void;
}

/**
 * A stream fed by `open`, which returns its cleanup (unsubscribe, clear timers). Cleanup runs once: when the
 * request aborts, the browser cancels, or `close()` is called.
 */
export function sseResponse(
  req: Request,
  open: (channel: SseChannel) => (() => void) | void,
  options: { heartbeatMs?: number; retryMs?: number } = {},
): Response {
  const encoder = new TextEncoder();
  let cleanup = () => {};
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      let closed = false;
      const write = (text: string) => {
        if (closed) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          cleanup();
        }
      };
      let release: (() => void) | void = undefined;
      const heartbeat = setInterval(() => write(sseComment("keep-alive")), options.heartbeatMs ?? 15_000);
      cleanup = () => {
        if (closed) return;
        closed = true;
        clearInterval(heartbeat);
        req.signal.removeEventListener("abort", cleanup);
        release?.();
        try {
          controller.close();
        } catch {
          // already closed by the runtime
        }
      };
      req.signal.addEventListener("abort", cleanup, { once: true });
      if (options.retryMs) write(`retry: ${options.retryMs}\n\n`);
      release = open({ send: (data, o) => write(sseEvent(data, o)), close: () => cleanup() });
      if (closed) release?.();
    },
    cancel() {
      cleanup();
    },
  });
  return new Response(stream, { headers: SSE_HEADERS });
}
