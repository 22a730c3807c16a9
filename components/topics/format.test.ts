import { describe, expect, it } from "vitest";
import { formatTime } from "./format";

describe("formatTime (message times in the tail and browser)", () => {
  // Local time, as the browser shows it.
  const justAfterMidnight = new Date(2026, 10, 28, 0, 5, 7, 42).getTime();

  it("shows date, 24-hour time and milliseconds in the reader's locale", () => {
    expect(formatTime(justAfterMidnight, "pt-BR")).toBe("28/11/2026 00:05:07.042");
    expect(formatTime(new Date(2026, 0, 2, 15, 4, 5, 6).getTime(), "en-US")).toBe("1/2/2026 15:04:05.006");
  });

  it("writes the hour after midnight as 00, not 24 (en-US with hour12: false did)", () => {
    expect(formatTime(justAfterMidnight, "en-US")).toBe("11/28/2026 00:05:07.042");
  });

  it("gives an impossible time back as the number it was", () => {
    expect(formatTime(Number.NaN, "en-US")).toBe("NaN");
  });
});
