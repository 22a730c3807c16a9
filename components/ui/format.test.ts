import { describe, expect, it } from "vitest";
import { cellText, formatBytes, formatCountOf, formatDateTime, formatNumber, formatRelative, formatTime } from "./format";

// The zone's short name as Intl writes it for this machine's zone at that date (UTC in CI).
const zone = (locale: string, d: Date) => new Intl.DateTimeFormat(locale, { timeZoneName: "short" }).formatToParts(d).find((p) => p.type === "timeZoneName")!.value;

describe("the UI's one formatting module", () => {
  it("formats numbers in the given locale, never the runtime's default (server and browser agree)", () => {
    expect(formatNumber("pt-BR", 20000)).toBe("20.000");
    expect(formatNumber("en", 20000)).toBe("20,000");
    expect(formatBytes("pt-BR", 1536)).toBe("1,5 KB");
    expect(formatBytes("en", 1536)).toBe("1.5 KB");
  });

  it("uses the locale's plural rules: 1 objeto, 0 and 2 objetos", () => {
    const forms = { one: "{count} objeto", other: "{count} objetos" };
    expect(formatCountOf("pt-BR", 1, forms)).toBe("1 objeto");
    expect(formatCountOf("pt-BR", 2, forms)).toBe("2 objetos");
    expect(formatCountOf("pt-BR", 1000, forms)).toBe("1.000 objetos");
  });

  it("labels every time with its zone", () => {
    const d = new Date(2026, 11, 1, 19, 3, 15, 731);
    expect(formatTime("pt-BR", d)).toBe(`19:03:15 ${zone("pt-BR", d)}`);
    expect(formatTime("pt-BR", d, { millis: true })).toBe(`19:03:15.731 ${zone("pt-BR", d)}`);
    expect(formatDateTime("en", d)).toContain(zone("en", d));
    expect(formatDateTime("en", null)).toBe("—");
  });

  it("shows date, 24-hour time and milliseconds for message times; the hour after midnight is 00", () => {
    const justAfterMidnight = new Date(2026, 10, 28, 0, 5, 7, 42);
    expect(formatTime("pt-BR", justAfterMidnight, { date: true, millis: true })).toBe(`28/11/2026 00:05:07.042 ${zone("pt-BR", justAfterMidnight)}`);
    expect(formatTime("en-US", justAfterMidnight, { date: true, millis: true })).toBe(`11/28/2026 00:05:07.042 ${zone("en-US", justAfterMidnight)}`);
    expect(formatTime("en-US", Number.NaN)).toBe("NaN");
  });

  it("says how long ago", () => {
    const now = Date.UTC(2026, 11, 1, 12, 0, 0);
    expect(formatRelative("en", now - 5 * 60_000, now)).toBe("5 minutes ago");
    expect(formatRelative("pt-BR", now - 5 * 60_000, now)).toBe("há 5 minutos");
  });

  it("writes a result cell as one line: objects as JSON, a missing value as the caller's null", () => {
    expect(cellText({ a: [1, "x"] }, "NULL")).toBe('{"a":[1,"x"]}');
    expect(cellText(null, "NULL")).toBe("NULL");
    expect(cellText(undefined, "null")).toBe("null");
    expect(cellText(42, "NULL")).toBe("42");
  });
});
