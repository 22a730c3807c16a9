import { sseResponse } from "@/lib/http/sse";
import { pipelineSampler } from "@/lib/pipeline/sampler";

export const dynamic = "force-dynamic";

/**
 * Server-Sent Events: the pipeline graph with its live figures and health, every 2 s, from the process's one
 * sampler (lib/pipeline/sampler.ts): a viewer more adds no query to PostgreSQL, Kafka, Connect or S3.
 */
export function GET(req: Request) {
  return sseResponse(req, (channel) => pipelineSampler().subscribe((snapshot) => channel.send(snapshot)), { retryMs: 2000 });
}
