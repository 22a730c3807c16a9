// The live pipeline from the SSE stream GET /api/pipeline/stream: the latest snapshot only (the history is the
// server's, read with usePipelineHistoryQuery), so memory stays flat however long the page stays open.
import { useEffect, useState } from "react";
import type { PipelineSnapshot } from "@/lib/pipeline/shared/metrics";

export type PipelineConnection = "connecting" | "open" | "reconnecting";

export function usePipelineStream(url = "/api/pipeline/stream"): { connection: PipelineConnection; snapshot: PipelineSnapshot | null } {
  const [state, setState] = useState<{ connection: PipelineConnection; snapshot: PipelineSnapshot | null }>({ connection: "connecting", snapshot: null });
  useEffect(() => {
    const source = new EventSource(url);
    source.onopen = () => setState((s) => ({ ...s, connection: "open" }));
    source.onerror = () => setState((s) => ({ ...s, connection: "reconnecting" }));
    source.onmessage = (e: MessageEvent<string>) => {
      try {
        const snapshot = JSON.parse(e.data) as PipelineSnapshot;
        setState({ connection: "open", snapshot });
      } catch {
        // a partial or foreign message: keep the last snapshot
      }
    };
    return () => source.close();
  }, [url]);
  return state;
}
