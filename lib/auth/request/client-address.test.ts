import { describe, expect, it } from "vitest";
import { resolveClientAddress } from "./client-address";

describe("resolveClientAddress (who is calling, for the rate limit and the audit log)", () => {
  it("takes the socket's address and ignores a client's own X-Forwarded-For", () => {
    expect(resolveClientAddress("10.1.1.1", "203.0.113.9", [])).toBe("10.1.1.1");
    expect(resolveClientAddress("10.1.1.1", "1.2.3.4, 5.6.7.8", [])).toBe("10.1.1.1");
  });

  it("believes X-Forwarded-For only when the socket is a configured proxy, skipping proxies from the right", () => {
    expect(resolveClientAddress("10.0.0.2", "198.51.100.7", ["10.0.0.2"])).toBe("198.51.100.7");
    // The client prepended a fake hop; the proxy appended the real one: the right-most untrusted hop wins.
    expect(resolveClientAddress("10.0.0.2", "6.6.6.6, 198.51.100.7", ["10.0.0.2"])).toBe("198.51.100.7");
    // Two proxies in a row.
    expect(resolveClientAddress("10.0.0.2", "6.6.6.6, 198.51.100.7, 10.0.0.3", ["10.0.0.2", "10.0.0.3"])).toBe("198.51.100.7");
    // A trusted proxy that sent no header: the proxy itself.
    expect(resolveClientAddress("10.0.0.2", null, ["10.0.0.2"])).toBe("10.0.0.2");
  });

  it("compares IPv4-mapped IPv6 socket addresses as IPv4", () => {
    expect(resolveClientAddress("::ffff:10.0.0.2", "198.51.100.7", ["10.0.0.2"])).toBe("198.51.100.7");
    expect(resolveClientAddress("::ffff:127.0.0.1", "6.6.6.6", [])).toBe("127.0.0.1");
  });

  it("without a socket address (no server stamped it) answers null, never the client's header", () => {
    expect(resolveClientAddress(null, "203.0.113.9", [])).toBeNull();
  });
});
