import { describe, expect, it } from "vitest";
import createSchemas from "../../debezium/shared/fixtures/pessoas-create.schemas.json";
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

describe("secrets in Kafka records (Connect's config topic and any JSON)", () => {
  const at = (value: unknown, key: string | null) => ({ key: key === null ? null : Buffer.from(key), value: Buffer.from(JSON.stringify(value)), timestamp: "1795828404370", attributes: 0, offset: "3", headers: {} });
  const INTERNAL = { config: ["debezium_configs"], offset: ["debezium_offsets"], status: ["debezium_status"] };

  it("masks a connector's secrets in its config record, nested, leaving the rest", () => {
    const m = toTopicMessage(0, at({ properties: { "connector.class": "x", "database.password": "sudoers", "aws.secret.access.key": "sudoers1234", "database.user": "sudoers" } }, "connector-pg"), false, Date.now(), "debezium_configs", INTERNAL);
    expect(m.value).toEqual({ kind: "json", json: { properties: { "connector.class": "x", "database.password": "********", "aws.secret.access.key": "********", "database.user": "sudoers" } } });
  });

  it("masks Connect's session key, by the record's shape on any topic and by key on the config topic", () => {
    const session = { key: "7R1OUHhwKsEUg3jP8qtb9ba6Oj2ZXI8c0oP8E=", algorithm: "HmacSHA256", "creation-timestamp": 1795828404370 };
    for (const topic of ["debezium_configs", "copied-elsewhere"]) {
      const m = toTopicMessage(0, at(session, "session-key"), false, Date.now(), topic, INTERNAL);
      expect(m.value, topic).toEqual({ kind: "json", json: { ...session, key: "********" } });
    }
    // On the config topic the key alone is enough, whatever the value's fields.
    const odd = toTopicMessage(0, at({ key: "abc", other: 1 }, "session-key"), false, Date.now(), "debezium_configs", INTERNAL);
    expect(JSON.stringify(odd.value)).not.toContain("abc");
  });

  it("masks secret-named fields in any JSON value, JSON key and header, but not Debezium's ordinary fields", () => {
    const m = toTopicMessage(0, { ...at({ user: "a", nested: [{ api_key: "k1", token: "t1" }] }, JSON.stringify({ id: 1, password: "p" })), headers: { authorization_token: Buffer.from("bearer x"), trace: Buffer.from("ok") } }, false, Date.now(), "app.events", INTERNAL);
    expect(m.value).toEqual({ kind: "json", json: { user: "a", nested: [{ api_key: "********", token: "********" }] } });
    expect(JSON.parse(m.key!)).toEqual({ id: 1, password: "********" });
    expect(m.headers).toEqual({ authorization_token: "********", trace: "ok" });
  });
});
