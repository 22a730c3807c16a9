import { describe, expect, it } from "vitest";
import { networkFailure, scrubSecrets } from "./errors";

describe("networkFailure", () => {
  it("classifies refused, dns and timeout errors from Node, fetch and kafkajs", () => {
    expect(networkFailure(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:9092"), { code: "ECONNREFUSED" }))).toBe("refused");
    expect(networkFailure(Object.assign(new TypeError("fetch failed"), { cause: { code: "ECONNREFUSED" } }))).toBe("refused");
    expect(networkFailure(Object.assign(new Error("getaddrinfo ENOTFOUND minio"), { code: "ENOTFOUND" }))).toBe("dns");
    expect(networkFailure(Object.assign(new Error("The operation was aborted due to timeout"), { name: "TimeoutError" }))).toBe("timeout");
    expect(networkFailure(new Error("syntax error at or near"))).toBeNull();
  });
});

describe("scrubSecrets", () => {
  it("removes credentials in URLs and any listed secret", () => {
    expect(scrubSecrets("cannot reach postgres://sudoers:sudoers@db:5432/x")).toBe("cannot reach postgres://***@db:5432/x");
    expect(scrubSecrets("key sudoers1234 rejected", ["sudoers1234"])).toBe("key *** rejected");
  });
});
