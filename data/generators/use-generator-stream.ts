// The live state of the three generators, from the SSE stream GET /api/generators/events. Stream state
// lives here, outside the query cache; a run's end refreshes the run list.
import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import type { GeneratorEvent, GeneratorStates, RunSnapshot } from "@/lib/generators/shared/types";
import { generatorKeys } from "./keys";

export type StreamConnection = "connecting" | "open" | "reconnecting";

export interface GeneratorStream {
  connection: StreamConnection;
  /** null until the first snapshot arrives. */
  states: GeneratorStates | null;
  /** The server's last error (e.g. the console database is down; render with useErrorText), cleared by the next snapshot. */
  error: { code: string; message: string } | null;
}

type StreamMessage = GeneratorEvent | { type: "error"; code: string; message: string };

export function useGeneratorStream(url = "/api/generators/events"): GeneratorStream {
  const queryClient = useQueryClient();
  const [stream, setStream] = useState<GeneratorStream>({ connection: "connecting", states: null, error: null });

  useEffect(() => {
    const source = new EventSource(url);
    const put = (run: RunSnapshot) =>
      setStream((s) => (s.states ? { ...s, states: { ...s.states, [run.generator]: run } } : s));
    source.onopen = () => setStream((s) => ({ ...s, connection: "open" }));
    source.onerror = () => setStream((s) => ({ ...s, connection: "reconnecting" }));
    source.onmessage = (e: MessageEvent<string>) => {
      let message: StreamMessage;
      try {
        message = JSON.parse(e.data) as StreamMessage;
      } catch {
        return;
      }
      switch (message.type) {
        case "snapshot":
          setStream({ connection: "open", states: message.states, error: null });
          break;
        case "progress":
          put(message.run);
          break;
        case "ended":
          put(message.run);
          void queryClient.invalidateQueries({ queryKey: generatorKeys.runs() });
          break;
        case "error":
          setStream((s) => ({ ...s, error: { code: message.code, message: message.message } }));
          break;
      }
    };
    return () => source.close();
  }, [url, queryClient]);

  return stream;
}
