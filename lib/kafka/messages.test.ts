import { describe, expect, it } from "vitest";
import createSchemas from "../debezium/fixtures/pessoas-create.schemas.json";
import { toTopicMessage } from "./messages";

const record = (value: string | null, key: Buffer | null = Buffer.from(createSchemas.key)) => ({
  key,
  value: value === null ? null : Buffer.from(value),
  timestamp: createSchemas.timestamp,
  attributes: 0,
  offset: "7",
  headers: { "__debezium.context.taskId": Buffer.from("0"), raw: Buffer.from([0, 1, 2]) },
});

describe("Kafka record → TopicMessage", () => {
  it("keeps position, key and headers as text (bytes as hex) and decodes the value", () => {
    const m = toTopicMessage(2, record(createSchemas.value), true, 1795828404370 + 40);
    expect(m).toMatchObject({ id: "2:7", partition: 2, offset: "7", key: "Struct{id=99900000001}", keyIsBinary: false, headers: { "__debezium.context.taskId": "0", raw: "0x000102" } });
    expect(m.value).toMatchObject({ kind: "change", op: "c", captureLatencyMs: 40, latencyBasis: "received" });
    expect(m.size).toBe(createSchemas.value.length);
  });

  it("a record read from history measures latency to its Kafka timestamp, not its age", () => {
    const m = toTopicMessage(0, record(createSchemas.value), false, Date.now());
    expect(m.value).toMatchObject({ kind: "change", latencyBasis: "kafka", captureLatencyMs: Number(createSchemas.timestamp) - 1795828404370 });
  });

  it("binary keys become hex; a null value is a tombstone", () => {
    const m = toTopicMessage(0, record(null, Buffer.from([0xff, 0x00])), true);
    expect(m).toMatchObject({ key: "ff 00", keyIsBinary: true, value: { kind: "tombstone" }, size: 0 });
  });
});
