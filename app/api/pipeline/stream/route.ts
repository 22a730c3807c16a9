import { z } from "zod";
import { errorResponse, parseInput, queryOf } from "@/lib/http/contract";
import { sseResponse } from "@/lib/http/sse";
import { pipelineSampler } from "@/lib/pipeline/sampler";

export const dynamic = "force-dynamic";

/** The stream takes no parameter: any is a mistake worth saying (a 422 naming it), as on every read route. */
const noQuery = z.strictObject({});

/**
 * Server-Sent Events: the pipeline graph with its live figures and health, every 2 s, from the process's one
 * sampler (lib/pipeline/sampler.ts): a viewer more adds no query to PostgreSQL, Kafka, Connect or S3.
 */
export function GET(req: Request) {
  try {
    parseInput(noQuery, queryOf(req), "query");
  } catch (e) {
    return errorResponse(e);
  }
  return sseResponse(req, (channel) => pipelineSampler().subscribe((snapshot) => channel.send(snapshot)), { retryMs: 2000 });
}
