import { z } from "zod";
import { parseInput, readRoute } from "@/lib/http/contract";
import { sqlEngine } from "@/lib/sql";

export const dynamic = "force-dynamic";

const describeQuery = z.strictObject({ bucket: z.string().min(3).max(63), prefix: z.string().max(1024).default("") });

/** A prefix as a table: suggested name, objects, bytes, inferred columns (and flattened ones for Debezium). */
export const GET = readRoute(async ({ req, query }) => {
  const { bucket, prefix } = parseInput(describeQuery, query, "query");
  return (await sqlEngine()).describePrefix(bucket, prefix, req.signal);
});
