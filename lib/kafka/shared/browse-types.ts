// The message browser's request and answer, shared by the route handler and the browser. Pure.
import { z } from "zod";
import type { TopicMessage } from "./message-types";

export const BROWSE_MAX_LIMIT = 500;

/** "partition:offset,partition:offset" — where each partition's next page starts (or ends, for `before`). */
const cursor = z
  .string()
  .regex(/^\d{1,9}:\d{1,19}(,\d{1,9}:\d{1,19})*$/, "a cursor is a list of partition:offset separated by commas")
  .transform((s) => new Map(s.split(",").map((pair) => [Number(pair.split(":")[0]), BigInt(pair.split(":")[1]!)] as const)));

export const browseQuerySchema = z
  .object({
    from: z.enum(["earliest", "latest", "offset", "timestamp"]).default("latest"),
    /** Only this partition (default: all). */
    partition: z.coerce.number().int().min(0).max(100_000).optional(),
    /** For from=offset: the first offset to show (in `partition`, or in every partition). */
    offset: z.string().regex(/^\d{1,19}$/, "offset must be a whole number ≥ 0").optional(),
    /** For from=timestamp: epoch milliseconds or an ISO date-time. */
    timestamp: z
      .string()
      .optional()
      .transform((s, ctx) => {
        if (s === undefined || s === "") return undefined;
        const ms = /^\d+$/.test(s) ? Number(s) : Date.parse(s);
        if (!Number.isFinite(ms)) {
          ctx.addIssue({ code: "custom", message: "timestamp must be epoch milliseconds or an ISO date-time" });
          return z.NEVER;
        }
        return ms;
      }),
    limit: z.coerce.number().int().min(1).max(BROWSE_MAX_LIMIT).default(50),
    /** Next page: continue after these positions. */
    after: cursor.optional(),
    /** Previous page: the messages just before these positions. */
    before: cursor.optional(),
  })
  .refine((q) => q.from !== "offset" || q.offset !== undefined || q.after || q.before, { message: "from=offset needs offset", path: ["offset"] })
  .refine((q) => q.from !== "timestamp" || q.timestamp !== undefined || q.after || q.before, { message: "from=timestamp needs timestamp", path: ["timestamp"] })
  .refine((q) => !(q.after && q.before), { message: "give after or before, not both", path: ["after"] });

export type BrowseQuery = z.infer<typeof browseQuerySchema>;

export interface BrowsePartition {
  partition: number;
  low: string;
  high: string;
  /** First offset read in this page. */
  start: string;
  /** Offset after the last message shown (where the next page starts). */
  next: string;
}

export interface BrowsePage {
  topic: string;
  messages: TopicMessage[];
  partitions: BrowsePartition[];
  /** Cursor for the following (newer) page, or null at the end. */
  after: string | null;
  /** Cursor for the preceding (older) page, or null at the beginning. */
  before: string | null;
  /** True when Kafka did not deliver the whole range in time: the page may lack messages. */
  incomplete: boolean;
}
