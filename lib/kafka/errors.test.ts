import { describe, expect, it } from "vitest";
import { kafkaError } from "./errors";

describe("kafkaError", () => {
  it("maps the cause inside kafkajs's aggregate error (createTopics: 'Topic creation errors'), not a 502", () => {
    const inner = Object.assign(new Error("Replication factor: 3 larger than available brokers: 1."), { name: "KafkaJSCreateTopicError", type: "INVALID_REPLICATION_FACTOR", topic: "t" });
    const aggregate = Object.assign(new Error("Topic creation errors"), { name: "KafkaJSAggregateError", errors: [inner] });
    const e = kafkaError(aggregate, 'create topic "t"');
    expect(e.status).toBe(422);
    expect(e.code).toBe("invalid_replication_factor");
    expect(e.message).toContain("larger than available brokers: 1");
  });
});
