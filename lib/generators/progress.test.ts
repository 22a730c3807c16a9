import { describe, expect, it } from "vitest";
import { Progress } from "./progress";

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
