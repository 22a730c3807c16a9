import { describe, expect, it } from "vitest";
import { Progress, runRate } from "./progress";

describe("Progress", () => {
  it("keeps counts per table and the current (last 3 s) and average rates", () => {
    let now = 0;
    const p = new Progress(() => now);
    for (let s = 1; s <= 10; s++) {
      now = s * 1000;
      p.add({ events: s <= 5 ? 100 : 10, pedidos: 1 });
    }
    expect(p.counts.events).toBe(550);
    expect(p.counts.pedidos).toBe(10);
    expect(p.averageRate()).toBeCloseTo(55);
    expect(p.currentRate()).toBeCloseTo(10);
    p.error("boom");
    expect(p.counts.errors).toBe(1);
    expect(p.lastError).toBe("boom");
    now = 20_000;
    p.end();
    expect(p.currentRate()).toBe(0);
    expect(p.averageRate()).toBeCloseTo(27.5);
  });
});

describe("the run's average rate: one definition for the live card and the runs table", () => {
  it("is the events over the run's stored start and end, so a finished run shows one figure everywhere", () => {
    const run = { counts: { events: 20_000 }, startedAt: "2026-12-01T19:00:00.000Z", endedAt: "2026-12-01T19:00:01.793Z" };
    expect(runRate(run)).toBeCloseTo(20_000 / 1.793, 6);
    // A live run: up to now.
    expect(runRate({ ...run, endedAt: null }, Date.parse("2026-12-01T19:00:02.000Z"))).toBe(10_000);
    expect(runRate({ ...run, endedAt: run.startedAt })).toBe(0);
  });
});
