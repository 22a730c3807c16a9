import { describe, expect, it } from "vitest";
import { History, HISTORY_MS, POINTS_PER_SERIES, ratePerSecond, SERIES_LIMIT } from "./history";

describe("the pipeline's history", () => {
  it("keeps at most an hour of points per series, oldest first, with gaps as null", () => {
    const h = new History();
    const t0 = 1_000_000;
    for (let i = 0; i < POINTS_PER_SERIES + 10; i++) h.record("topic_rate", "t", t0 + i * 2000, i === POINTS_PER_SERIES + 5 ? null : i);
    const now = t0 + (POINTS_PER_SERIES + 9) * 2000;
    const [s] = h.read("topic_rate", null, now);
    expect(s!.points).toHaveLength(POINTS_PER_SERIES);
    expect(s!.points[0]![1]).toBe(10);
    expect(s!.points.at(-5)![1]).toBeNull();
    expect(s!.points.every(([t]) => t >= now - HISTORY_MS)).toBe(true);
  });

  it("answers one kind, all series or the named ones", () => {
    const h = new History();
    h.record("topic_rate", "a", 1, 1);
    h.record("topic_rate", "b", 1, 2);
    h.record("sink_lag", "a", 1, 3);
    expect(h.read("topic_rate", null, 2).map((s) => s.key)).toEqual(["a", "b"]);
    expect(h.read("topic_rate", ["b"], 2)).toEqual([{ key: "b", kind: "topic_rate", points: [[1, 2]] }]);
  });

  it("drops the series updated longest ago past the series limit", () => {
    const h = new History();
    for (let i = 0; i < SERIES_LIMIT; i++) h.record("topic_rate", `t${i}`, i === 0 ? 1 : 100 + i, 0);
    h.record("topic_rate", "new", 10_000, 0);
    expect(h.size).toBe(SERIES_LIMIT);
    expect(h.read("topic_rate", ["t0"], 10_000)).toEqual([]);
    expect(h.read("topic_rate", ["new"], 10_000)).toHaveLength(1);
  });
});

describe("rates from counters", () => {
  it("is the per-second difference; null without an earlier reading or after a reset", () => {
    expect(ratePerSecond({ at: 0, value: 10 }, 2000, 30)).toBe(10);
    expect(ratePerSecond(undefined, 2000, 30)).toBeNull();
    expect(ratePerSecond({ at: 0, value: 50 }, 2000, 30)).toBeNull();
  });
});
