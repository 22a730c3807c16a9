import { describe, expect, it } from "vitest";
import { clearLoginFailures, loginRetryAfter, recordLoginFailure } from "./rate-limit";

describe("login rate limit", () => {
  it("blocks a client after 5 failures in a minute, per client, and lifts after the window", () => {
    const t0 = 1_000_000;
    for (let i = 0; i < 5; i++) {
      expect(loginRetryAfter("10.0.0.1", null, t0 + i)).toBe(0);
      recordLoginFailure("10.0.0.1", null, t0 + i);
    }
    expect(loginRetryAfter("10.0.0.1", null, t0 + 10)).toBeGreaterThan(0);
    expect(loginRetryAfter("10.0.0.2", null, t0 + 10)).toBe(0);
    expect(loginRetryAfter("10.0.0.1", null, t0 + 61_000)).toBe(0);
    clearLoginFailures("10.0.0.1");
  });

  it("blocks an account after 10 failures from any addresses, whatever address tries next", () => {
    const t0 = 2_000_000;
    for (let i = 0; i < 10; i++) {
      expect(loginRetryAfter(`10.1.0.${i}`, "Operator", t0 + i)).toBe(0);
      recordLoginFailure(`10.1.0.${i}`, "operator", t0 + i);
    }
    expect(loginRetryAfter("10.1.1.1", "operator", t0 + 20)).toBeGreaterThan(0);
    expect(loginRetryAfter("10.1.1.1", "viewer", t0 + 20)).toBe(0);
    expect(loginRetryAfter("10.1.1.1", "operator", t0 + 61_000)).toBe(0);
  });
});
