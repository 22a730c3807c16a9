import { describe, expect, it } from "vitest";
import { clearLoginFailures, loginRetryAfter, recordLoginFailure } from "./rate-limit";

describe("login rate limit", () => {
  it("blocks a client after 5 failures in a minute, per client, and lifts after the window", () => {
    const t0 = 1_000_000;
    for (let i = 0; i < 5; i++) {
      expect(loginRetryAfter("10.0.0.1", t0 + i)).toBe(0);
      recordLoginFailure("10.0.0.1", t0 + i);
    }
    expect(loginRetryAfter("10.0.0.1", t0 + 10)).toBeGreaterThan(0);
    expect(loginRetryAfter("10.0.0.2", t0 + 10)).toBe(0);
    expect(loginRetryAfter("10.0.0.1", t0 + 61_000)).toBe(0);
    clearLoginFailures("10.0.0.1");
  });
});
