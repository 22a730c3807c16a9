package lab.console.connect.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.connect.data.Decimal;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.header.ConnectHeaders;
import org.apache.kafka.connect.sink.SinkRecord;
import org.junit.jupiter.api.Test;

class RecordSerializerTest {

    private static final S3SinkConfig.NullValueBehavior IGNORE = S3SinkConfig.NullValueBehavior.IGNORE;
    private static final S3SinkConfig.NullValueBehavior WRITE = S3SinkConfig.NullValueBehavior.WRITE;

    static final Schema PESSOA = SchemaBuilder.struct().name("liga_sudoers.public.pessoas.Value").optional()
            .field("id", Schema.INT64_SCHEMA)
            .field("nome", Schema.OPTIONAL_STRING_SCHEMA)
            .build();
    static final Schema SOURCE = SchemaBuilder.struct().name("io.debezium.connector.postgresql.Source")
            .field("db", Schema.STRING_SCHEMA).field("lsn", Schema.OPTIONAL_INT64_SCHEMA).build();
    static final Schema ENVELOPE = SchemaBuilder.struct().name("liga_sudoers.public.pessoas.Envelope")
            .field("before", PESSOA).field("after", PESSOA).field("source", SOURCE)
            .field("op", Schema.STRING_SCHEMA).field("ts_ms", Schema.OPTIONAL_INT64_SCHEMA).build();

    static Struct debeziumInsert(long id, String nome) {
        return new Struct(ENVELOPE)
                .put("before", null)
                .put("after", new Struct(PESSOA).put("id", id).put("nome", nome))
                .put("source", new Struct(SOURCE).put("db", "liga_sudoers").put("lsn", 123L))
                .put("op", "c")
                .put("ts_ms", 1764291723000L);
    }

    static SinkRecord record(Schema keySchema, Object key, Schema valueSchema, Object value, long offset, Long timestamp) {
        return new SinkRecord("liga_sudoers.public.pessoas", 0, keySchema, key, valueSchema, value, offset, timestamp,
                timestamp == null ? TimestampType.NO_TIMESTAMP_TYPE : TimestampType.CREATE_TIME);
    }

    private static String line(RecordSerializer s, SinkRecord r) {
        byte[] b = s.serialize(r);
        return b == null ? null : new String(b, StandardCharsets.UTF_8);
    }

    @Test
    void debeziumStructBecomesAPlainObject() {
        RecordSerializer s = new RecordSerializer(List.of("value"), IGNORE);
        String json = line(s, record(Schema.STRING_SCHEMA, "Struct{id=12345678901}", ENVELOPE, debeziumInsert(12345678901L, "Ana Souza"), 7, 1L));
        assertEquals("{\"before\":null,\"after\":{\"id\":12345678901,\"nome\":\"Ana Souza\"},"
                + "\"source\":{\"db\":\"liga_sudoers\",\"lsn\":123},\"op\":\"c\",\"ts_ms\":1764291723000}", json);
    }

    @Test
    void schemalessMapsAndDecimals() {
        RecordSerializer s = new RecordSerializer(List.of("value"), IGNORE);
        assertEquals("{\"a\":1}", line(s, record(null, null, null, Map.of("a", 1), 0, null)));
        Schema dec = Decimal.schema(2);
        assertEquals("12.50", line(s, record(null, null, dec, new BigDecimal("12.50"), 0, null)));
    }

    @Test
    void jsonStringsAreKeptOtherStringsQuoted() {
        RecordSerializer s = new RecordSerializer(List.of("value"), IGNORE);
        assertEquals("{\"x\": 1.50, \"y\":[true,null]}", line(s, record(null, null, Schema.STRING_SCHEMA, "{\"x\": 1.50, \"y\":[true,null]}", 0, null)));
        assertEquals("{    \"x\": 1 }", line(s, record(null, null, null, "\n{\r\n  \"x\": 1\n}\n", 0, null)));
        assertEquals("\"olá mundo\"", line(s, record(null, null, null, "olá mundo", 0, null)));
        assertEquals("\"{not json\"", line(s, record(null, null, null, "{not json", 0, null)));
        assertEquals("\"1 2\"", line(s, record(null, null, null, "1 2", 0, null)));
        assertEquals("\"\"", line(s, record(null, null, null, "", 0, null)));
        assertEquals("\"line1\\nline2\"", line(s, record(null, null, null, "line1\nline2", 0, null)));
        assertEquals("42", line(s, record(null, null, null, "42", 0, null)));
    }

    @Test
    void bytesBecomeBase64() {
        RecordSerializer s = new RecordSerializer(List.of("value"), IGNORE);
        byte[] raw = {0, 1, 2, (byte) 0xff};
        assertEquals("\"AAEC/w==\"", line(s, record(null, null, Schema.BYTES_SCHEMA, raw, 0, null)));
        assertEquals("\"AAEC/w==\"", line(s, record(null, null, null, ByteBuffer.wrap(raw), 0, null)));
    }

    @Test
    void tombstonesAreSkippedOrWrittenAsNull() {
        SinkRecord tombstone = record(Schema.STRING_SCHEMA, "k", null, null, 3, 5L);
        assertNull(new RecordSerializer(List.of("value"), IGNORE).serialize(tombstone));
        assertEquals("null", line(new RecordSerializer(List.of("value"), WRITE), tombstone));
        assertEquals("{\"key\":\"k\",\"value\":null}", line(new RecordSerializer(List.of("key", "value"), WRITE), tombstone));
    }

    @Test
    void severalFieldsMakeAnObjectInTheConfiguredOrder() {
        RecordSerializer s = new RecordSerializer(List.of("offset", "timestamp", "key", "value", "headers"), IGNORE);
        ConnectHeaders headers = new ConnectHeaders();
        headers.addString("trace\"id", "abc");
        headers.addInt("n", 3);
        SinkRecord r = new SinkRecord("t", 1, Schema.STRING_SCHEMA, "{\"id\":9}", null, Map.of("v", true), 42, 1700000000000L,
                TimestampType.CREATE_TIME, headers);
        assertEquals("{\"offset\":42,\"timestamp\":1700000000000,\"key\":{\"id\":9},\"value\":{\"v\":true},"
                + "\"headers\":[{\"key\":\"trace\\\"id\",\"value\":\"abc\"},{\"key\":\"n\",\"value\":3}]}", line(s, r));
        SinkRecord noTs = record(null, null, null, "x", 1, null);
        assertEquals("{\"offset\":1,\"timestamp\":null,\"key\":null,\"value\":\"x\",\"headers\":[]}", line(s, noTs));
    }
}
