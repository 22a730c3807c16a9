import { describe, expect, it } from "vitest";
import { kafkaClusterId } from "./cluster-id";

describe("the Kafka cluster id of a fresh lab", () => {
  it("never starts with '-' (kafka-storage would read it as an option), even from bytes that would", () => {
    const bytes = Buffer.alloc(16, 0xf8); // 0xf8 >> 2 = 62, "-" in base64url
    expect(bytes.toString("base64url")[0]).toBe("-");
    const id = kafkaClusterId(bytes);
    expect(id[0]).not.toBe("-");
    expect(id).toMatch(/^[A-Za-f][A-Za-z0-9_-]{21}$/);
    expect(Buffer.from(id, "base64url")).toHaveLength(16); // still a UUID Kafka can decode
  });

  it("starts with neither '-' nor '_' for any first byte", () => {
    for (let first = 0; first < 256; first++) {
      const bytes = Buffer.alloc(16, 0);
      bytes[0] = first;
      expect(kafkaClusterId(bytes)).toMatch(/^[A-Za-z0-9]/);
    }
  });

  it("is random: two fresh labs get different ids", () => {
    expect(kafkaClusterId()).not.toBe(kafkaClusterId());
  });
});
