import { watchGenerators } from "@/lib/generators/watch";
import { sseResponse } from "@/lib/http/sse";

export const dynamic = "force-dynamic";

/** Server-Sent Events: every generator's state, then live counters and each run's end (lib/generators/watch.ts). */
export function GET(req: Request) {
  return sseResponse(req, (channel) => watchGenerators((event) => channel.send(event)), { retryMs: 2000 });
}
