import { describe, expect, it } from "vitest";
import { checkOffsets } from "./offsets-shape";

const DEBEZIUM_PG = { className: "io.debezium.connector.postgresql.PostgresConnector", type: "source" };
const FILESTREAM = { className: "org.apache.kafka.connect.file.FileStreamSourceConnector", type: "source" };
const S3_SINK = { className: "lab.console.connect.s3.S3SinkConnector", type: "sink" };

// Shapes captured from the lab (GET /connectors/<name>/offsets), Debezium 3.6.1 and Kafka Connect 4.3.1.
const AFTER_SNAPSHOT = { partition: { server: "liga_sudoers" }, offset: { last_snapshot_record: true, lsn: 41403264, txId: 1293, ts_usec: 1796157455994279, snapshot: "INITIAL", snapshot_completed: true } };
const STREAMING = { partition: { server: "liga_sudoers" }, offset: { lsn_proc: 41411616, messageType: "UPDATE", lsn: 41411616, txId: 1294, ts_usec: 1796157459092688 } };
const SINK = { partition: { kafka_partition: 0, kafka_topic: "labsink.public.pessoas" }, offset: { kafka_offset: 25 } };

describe("checkOffsets (a connector's offsets before Connect stores them)", () => {
  it("accepts what Debezium PostgreSQL, a sink and FileStream write themselves", () => {
    expect(checkOffsets(DEBEZIUM_PG, [AFTER_SNAPSHOT, STREAMING])).toBeNull();
    expect(checkOffsets(S3_SINK, [SINK, { ...SINK, offset: null }])).toBeNull();
    expect(checkOffsets(FILESTREAM, [{ partition: { filename: "/tmp/in.txt" }, offset: { position: 120 } }])).toBeNull();
  });

  it("refuses Debezium offsets whose lsn or txId is not a number, naming the field", () => {
    const problem = checkOffsets(DEBEZIUM_PG, [{ partition: { server: "liga_sudoers" }, offset: { lsn: "garbage", txId: "x" } }]);
    expect(problem?.field).toBe("offsets[0].offset.lsn");
    expect(problem?.message).toMatch(/lsn.*non-negative integer.*"garbage"/);
    expect(problem).toMatchObject({ code: "invalid_offsets", params: { field: "offsets[0].offset.lsn", expected: "a non-negative integer", connector: "Debezium PostgreSQL" } });
    expect(checkOffsets(DEBEZIUM_PG, [{ partition: { server: "s" }, offset: { lsn: 1, txId: "x" } }])?.field).toBe("offsets[0].offset.txId");
    expect(checkOffsets(DEBEZIUM_PG, [{ partition: { server: "s" }, offset: { lsn: -5 } }])?.field).toBe("offsets[0].offset.lsn");
    expect(checkOffsets(DEBEZIUM_PG, [{ partition: { server: "s" }, offset: { txId: 3 } }])?.field).toBe("offsets[0].offset.lsn");
    expect(checkOffsets(DEBEZIUM_PG, [{ partition: { server: "s" }, offset: { lsn: 1, snapshot_completed: "yes" } }])?.field).toBe("offsets[0].offset.snapshot_completed");
  });

  it("refuses a wrong partition key and unknown fields, with what is expected", () => {
    const p = checkOffsets(DEBEZIUM_PG, [{ partition: { servr: "s" }, offset: { lsn: 1 } }]);
    expect(p?.field).toBe("offsets[0].partition.server");
    const u = checkOffsets(DEBEZIUM_PG, [{ partition: { server: "s" }, offset: { lsn: 1, lnsProc: 2 } }]);
    expect(u?.field).toBe("offsets[0].offset.lnsProc");
    expect(u?.code).toBe("unknown_offset_field");
    expect(u?.message).toContain("lsn_proc");
  });

  it("refuses sink offsets that are not Connect's kafka_topic/kafka_partition/kafka_offset", () => {
    expect(checkOffsets(S3_SINK, [{ partition: { kafka_topic: "t", kafka_partition: "0" }, offset: { kafka_offset: 1 } }])?.field).toBe("offsets[0].partition.kafka_partition");
    expect(checkOffsets(S3_SINK, [{ partition: { kafka_topic: "t", kafka_partition: 0 }, offset: { kafka_offset: 1.5 } }])?.field).toBe("offsets[0].offset.kafka_offset");
    expect(checkOffsets(S3_SINK, [{ partition: { kafka_topic: "", kafka_partition: 0 }, offset: { kafka_offset: 1 } }])?.field).toBe("offsets[0].partition.kafka_topic");
  });

  it("refuses FileStream offsets whose position is not a byte count", () => {
    expect(checkOffsets(FILESTREAM, [{ partition: { filename: "/tmp/in.txt" }, offset: { position: "abc" } }])?.field).toBe("offsets[0].offset.position");
    expect(checkOffsets(FILESTREAM, [{ partition: { file: "/tmp/in.txt" }, offset: { position: 1 } }])?.field).toBe("offsets[0].partition.filename");
  });

  it("leaves connectors whose offsets it does not know to Connect", () => {
    expect(checkOffsets({ className: "com.example.OtherSource", type: "source" }, [{ partition: { anything: 1 }, offset: { x: "y" } }])).toBeNull();
  });
});
