import { describe, expect, it } from "vitest";
import { assemblePage, mergeByTimestamp, planBrowse } from "./browse-plan";
import { browseQuerySchema } from "../shared/browse-types";
import type { TopicMessage } from "../shared/message-types";

const m = (partition: number, offset: number, timestamp: number): TopicMessage => ({
  id: `${partition}:${offset}`,
  partition,
  offset: String(offset),
  timestamp,
  key: null,
  keyIsBinary: false,
  headers: {},
  value: { kind: "text", text: "x" },
  size: 1,
});
const q = (o: Record<string, string>) => browseQuerySchema.parse(o);
const bounds = [
  { partition: 0, low: 0n, high: 10n },
  { partition: 1, low: 5n, high: 8n },
];
/** Partition 0 has offsets 0..9 at t = offset*10; partition 1 has 5..7 at t = offset*10 + 5. */
const all = new Map([
  [0, Array.from({ length: 10 }, (_, i) => m(0, i, i * 10))],
  [1, [5, 6, 7].map((o) => m(1, o, o * 10 + 5))],
]);

describe("message browser pages", () => {
  it("from earliest reads the first `limit` of each partition and keeps the oldest `limit` overall", () => {
    const plan = planBrowse(q({ from: "earliest", limit: "4" }), bounds);
    expect(plan).toEqual({ direction: "forward", ranges: [{ partition: 0, start: 0n, end: 4n }, { partition: 1, start: 5n, end: 8n }] });
    const page = assemblePage(plan, all, 4, bounds);
    expect(page.messages.map((x) => x.id)).toEqual(["0:0", "0:1", "0:2", "0:3"]);
    expect(page.after).toBe("0:4,1:5");
    expect(page.before).toBeNull();
  });

  it("paging forward with the cursor neither skips nor repeats a message", () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let first = true;
    while (first || cursor) {
      const query: Record<string, string> = first ? { from: "earliest", limit: "4" } : { after: cursor!, limit: "4" };
      first = false;
      const plan = planBrowse(q(query), bounds);
      const page = assemblePage(plan, all, 4, bounds);
      seen.push(...page.messages.map((x) => x.id));
      cursor = page.after;
    }
    expect(seen.sort()).toEqual([...all.values()].flat().map((x) => x.id).sort());
  });

  it("latest shows the newest `limit`; before pages back to the start without gaps", () => {
    const plan = planBrowse(q({ from: "latest", limit: "3" }), bounds);
    expect(plan.direction).toBe("backward");
    const page = assemblePage(plan, all, 3, bounds);
    expect(page.messages.map((x) => x.id)).toEqual(["1:7", "0:8", "0:9"]);
    expect(page.after).toBeNull();
    const seen = page.messages.map((x) => x.id);
    let cursor = page.before;
    while (cursor) {
      const p = assemblePage(planBrowse(q({ before: cursor, limit: "3" }), bounds), all, 3, bounds);
      seen.push(...p.messages.map((x) => x.id));
      cursor = p.before;
    }
    expect(seen.sort()).toEqual([...all.values()].flat().map((x) => x.id).sort());
  });

  it("from an offset (one partition) and from a timestamp", () => {
    const byOffset = planBrowse(q({ from: "offset", offset: "7", partition: "0", limit: "50" }), bounds);
    expect(byOffset.ranges).toEqual([{ partition: 0, start: 7n, end: 10n }]);
    const byTime = planBrowse(q({ from: "timestamp", timestamp: "1000", limit: "2" }), bounds, new Map([[0, 3n], [1, 8n]]));
    expect(byTime.ranges).toEqual([{ partition: 0, start: 3n, end: 5n }, { partition: 1, start: 8n, end: 8n }]);
  });

  it("merging by timestamp never reorders one partition", () => {
    const merged = mergeByTimestamp([[m(0, 0, 50), m(0, 1, 10)], [m(1, 0, 20)]]);
    expect(merged.map((x) => x.id)).toEqual(["1:0", "0:0", "0:1"]);
  });

  it("refuses contradictory queries", () => {
    expect(browseQuerySchema.safeParse({ from: "offset" }).success).toBe(false);
    expect(browseQuerySchema.safeParse({ after: "0:1", before: "0:2" }).success).toBe(false);
    expect(browseQuerySchema.safeParse({ after: "zero" }).success).toBe(false);
    expect(browseQuerySchema.safeParse({ limit: "501" }).success).toBe(false);
  });
});
