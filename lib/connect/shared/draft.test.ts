import { describe, expect, it } from "vitest";
import { MASK } from "../../shared/secrets";
import { applyChangesToJson, configuredTopics, connectorNameIssue, diffConfigs, draftIssues, draftToJson, lineColumn, parseDraftJson, resolvePlugin, traceView } from "./draft";

describe("connector names (Connect's rules)", () => {
  it("accepts the seed's names", () => {
    expect(connectorNameIssue("postgres-connector-pessoas")).toBeNull();
    expect(connectorNameIssue("minio-sink-connector")).toBeNull();
    expect(connectorNameIssue("with space inside")).toBeNull();
  });
  it("rejects empty, slashes, control characters, surrounding spaces, dots", () => {
    expect(connectorNameIssue("")).toBe("empty");
    expect(connectorNameIssue("   ")).toBe("empty");
    expect(connectorNameIssue("a/b")).toBe("slash");
    expect(connectorNameIssue("50%")).toBe("unsafe");
    expect(connectorNameIssue("a\\b")).toBe("unsafe");
    expect(connectorNameIssue("a\nb")).toBe("control");
    expect(connectorNameIssue(" a")).toBe("whitespace");
    expect(connectorNameIssue("..")).toBe("dots");
    expect(connectorNameIssue("x".repeat(250))).toBe("tooLong");
  });
});

describe("the raw JSON editor", () => {
  const seed = `{
  "name": "minio-sink-connector",
  "config": {
    "connector.class": "io.confluent.connect.s3.S3SinkConnector",
    "flush.size": 10,
    "s3.path.style.access.enabled": true
  }
}`;
  it("reads the seed's {name, config} shape, turning numbers and booleans into strings", () => {
    const r = parseDraftJson(seed);
    expect(r).toEqual({
      ok: true,
      draft: { name: "minio-sink-connector", config: { "connector.class": "io.confluent.connect.s3.S3SinkConnector", "flush.size": "10", "s3.path.style.access.enabled": "true" } },
    });
  });
  it("reads a flat config, taking the name from it", () => {
    const r = parseDraftJson('{"name":"x","connector.class":"FileStreamSource","file":"/dev/null"}');
    expect(r.ok && r.draft.name).toBe("x");
  });
  it("reports a syntax error with its line and column", () => {
    const r = parseDraftJson('{\n  "name": "x",\n  "config": { "a": "b" \n}');
    expect(r.ok).toBe(false);
    if (!r.ok && r.error.kind === "syntax") {
      expect(r.error.line).toBeGreaterThanOrEqual(3);
      expect(r.error.column).toBeGreaterThan(0);
    } else throw new Error("expected a syntax error");
  });
  it("refuses arrays and nested values", () => {
    expect(parseDraftJson("[1]")).toMatchObject({ ok: false, error: { kind: "shape", code: "notObject" } });
    expect(parseDraftJson('{"name":"x","config":{"a":{"b":1}}}')).toMatchObject({ ok: false, error: { code: "badValue", key: "a" } });
  });
  it("computes line and column from an offset", () => {
    expect(lineColumn("ab\ncd", 4)).toEqual({ line: 2, column: 2 });
  });
  it("round-trips a template into the seed's shape", () => {
    const json = draftToJson({ name: "n", config: { "connector.class": "C", name: "n" } });
    expect(JSON.parse(json)).toEqual({ name: "n", config: { "connector.class": "C" } });
  });
});

describe("required keys", () => {
  it("needs connector.class, and topics for a sink", () => {
    expect(draftIssues({ name: "a", config: {} }).map((i) => i.code)).toEqual(["class.missing"]);
    expect(draftIssues({ name: "a", config: { "connector.class": "x.S3SinkConnector" } }).map((i) => i.code)).toEqual(["topics.missing"]);
    expect(draftIssues({ name: "a", config: { "connector.class": "x.Thing", "topics.regex": "a.*" } }, "sink")).toEqual([]);
    expect(draftIssues({ name: "a", config: { "connector.class": "C", name: "b" } }).map((i) => i.code)).toEqual(["name.mismatch"]);
  });
});

describe("plugin resolution", () => {
  const plugins = [{ className: "org.apache.kafka.connect.file.FileStreamSourceConnector", type: "source", version: "4.3.1" }];
  it("accepts the class, its simple name and the alias without Connector", () => {
    expect(resolvePlugin("org.apache.kafka.connect.file.FileStreamSourceConnector", plugins)).not.toBeNull();
    expect(resolvePlugin("FileStreamSourceConnector", plugins)).not.toBeNull();
    expect(resolvePlugin("FileStreamSource", plugins)).not.toBeNull();
    expect(resolvePlugin("io.confluent.connect.s3.S3SinkConnector", plugins)).toBeNull();
  });
});

describe("config diffs compare secrets as masked", () => {
  const before = { "database.password": MASK, "database.hostname": "a", "slot.name": "s" };
  it("an unchanged mask is no change; a new secret shows as changed without its value", () => {
    expect(diffConfigs(before, { ...before })).toEqual([]);
    const changes = diffConfigs(before, { ...before, "database.password": "new-secret", "database.hostname": "b" });
    expect(changes).toEqual([
      { key: "database.hostname", kind: "changed", before: "a", after: "b", secret: false },
      { key: "database.password", kind: "changed", before: MASK, after: MASK, secret: true },
    ]);
    expect(JSON.stringify(changes)).not.toContain("new-secret");
  });
  it("lists added and removed keys", () => {
    const { "slot.name": _s, ...rest } = before;
    expect(diffConfigs(before, { ...rest, "x.y": "1" }).map((c) => [c.key, c.kind])).toEqual([
      ["slot.name", "removed"],
      ["x.y", "added"],
    ]);
  });
});

describe("traces", () => {
  it("splits a Java trace into first line, root cause and the whole", () => {
    const trace = [
      "org.apache.kafka.connect.errors.ConnectException: NoSuchBucket: the bucket 'x' does not exist",
      "\tat lab.console.connect.s3.S3ObjectStore.translate(S3ObjectStore.java:119)",
      "Caused by: software.amazon.awssdk.services.s3.model.NoSuchBucketException: The specified bucket does not exist",
      "\t... 12 more",
    ].join("\n");
    const v = traceView(trace)!;
    expect(v.firstLine).toMatch(/^org.apache.kafka.connect.errors.ConnectException: NoSuchBucket/);
    expect(v.summary).toBe("NoSuchBucket: the bucket 'x' does not exist");
    expect(v.rootCause).toMatch(/^software.amazon.awssdk.services.s3.model.NoSuchBucketException/);
    expect(v.full).toBe(trace);
    expect(traceView("")).toBeNull();
  });
});

describe("configured topics", () => {
  it("derives topics from sink, FileStream and Debezium configs", () => {
    expect(configuredTopics("sink", { topics: "a, b" })).toEqual(["a", "b"]);
    expect(configuredTopics("source", { topic: "t" })).toEqual(["t"]);
    expect(configuredTopics("source", { "topic.prefix": "liga_sudoers", "table.include.list": "public.pessoas" })).toEqual(["liga_sudoers.public.pessoas"]);
  });
});

describe("applyChangesToJson", () => {
  it("changes the config of the course's nested JSON and keeps the rest", () => {
    const text = JSON.stringify({ name: "minio-sink-connector", config: { "connector.class": "io.confluent.connect.s3.S3SinkConnector", "store.url": "http://minio:9000", "flush.size": "10" } });
    const out = JSON.parse(
      applyChangesToJson(text, [
        { key: "connector.class", kind: "changed", before: "io.confluent.connect.s3.S3SinkConnector", after: "lab.console.connect.s3.S3SinkConnector", secret: false },
        { key: "store.url", kind: "changed", before: "http://minio:9000", after: "http://127.0.0.1:9000", secret: false },
      ]),
    );
    expect(out).toEqual({ name: "minio-sink-connector", config: { "connector.class": "lab.console.connect.s3.S3SinkConnector", "store.url": "http://127.0.0.1:9000", "flush.size": "10" } });
  });
});
