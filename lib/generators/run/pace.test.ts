import { describe, expect, it } from "vitest";
import { Pacer } from "./pace";

describe("Pacer", () => {
  it("lets rate × elapsed events start, counted from the start (no drift), capped by the batch", () => {
    let now = 1000;
    const pacer = new Pacer(10, () => now);
    pacer.begin();
    expect(pacer.due(0, 100)).toBe(0);
    expect(pacer.waitMs(0)).toBe(100);
    now += 100;
    expect(pacer.due(0, 100)).toBe(1);
    now += 2_000; // a slow batch: the next call catches up
    expect(pacer.due(1, 100)).toBe(20);
    expect(pacer.due(1, 5)).toBe(5);
    expect(pacer.due(21, 100)).toBe(0);
    expect(pacer.waitMs(21)).toBeCloseTo(100);
    // over 60 s exactly 600 events are due, whatever the step pattern
    expect(pacer.due(0, 1e9, 1000 + 60_000)).toBe(600);
  });

  it("handles fractional rates (one event every 4 s) and no limit", () => {
    let now = 0;
    const slow = new Pacer(0.25, () => now);
    slow.begin();
    now = 3_999;
    expect(slow.due(0, 10)).toBe(0);
    now = 4_000;
    expect(slow.due(0, 10)).toBe(1);
    const fast = new Pacer(null, () => now);
    fast.begin();
    expect(fast.due(123, 500)).toBe(500);
    expect(fast.waitMs(123)).toBe(0);
  });
});
