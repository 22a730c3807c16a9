import { generatorRegistry } from "@/lib/generators/registry";
import { describeFailure } from "@/lib/generators/runner";
import type { GeneratorEvent, GeneratorStates } from "@/lib/generators/types";

export const dynamic = "force-dynamic";

const PROGRESS_MS = 500;
/** Runs of other processes (the CLI, another console) are re-read from the database this often. */
const REMOTE_POLL_MS = 2_000;
const KEEPALIVE_MS = 15_000;

type StreamEvent = GeneratorEvent | { type: "error"; message: string };

/**
 * Server-Sent Events: first every generator's state (its running run, else its last one), then the live
 * runs' counters twice a second and each run's end. Closed when the browser goes away.
 */
export async function GET(request: Request) {
  const registry = generatorRegistry();
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
      const send = (event: StreamEvent) => write(`data: ${JSON.stringify(event)}\n\n`);

      let states: GeneratorStates | null = null;
      const hasRemoteRun = () =>
        states !== null && Object.values(states).some((s) => s && (s.status === "running" || s.status === "stopping") && !registry.isLive(s.generator));
      const sendStates = async () => {
        try {
          states = await registry.states();
          send({ type: "snapshot", states });
        } catch (e) {
          send({ type: "error", message: `Could not read the generators' state from the console database: ${describeFailure(e)}` });
        }
      };

      const unsubscribe = registry.subscribe((event) => {
        if (states && event.type !== "snapshot") states = { ...states, [event.run.generator]: event.run };
        send(event);
      });
      const progress = setInterval(() => {
        for (const run of registry.liveRuns()) send({ type: "progress", run });
      }, PROGRESS_MS);
      const remote = setInterval(() => {
        if (hasRemoteRun()) void sendStates();
      }, REMOTE_POLL_MS);
      const keepAlive = setInterval(() => write(": keep-alive\n\n"), KEEPALIVE_MS);

      cleanup = () => {
        if (closed) return;
        closed = true;
        unsubscribe();
        clearInterval(progress);
        clearInterval(remote);
        clearInterval(keepAlive);
        try {
          controller.close();
        } catch {
          // already closed by the runtime
        }
      };
      request.signal.addEventListener("abort", cleanup, { once: true });
      write("retry: 2000\n\n");
      void sendStates();
    },
    cancel() {
      cleanup();
    },
  });

  return new Response(stream, {
    headers: {
      "Content-Type": "text/event-stream; charset=utf-8",
      "Cache-Control": "no-cache, no-transform",
      Connection: "keep-alive",
      "X-Accel-Buffering": "no",
    },
  });
}
