package lab.console.connect.s3;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.json.JsonConverter;
import org.apache.kafka.connect.json.JsonConverterConfig;
import org.apache.kafka.connect.sink.SinkRecord;

/**
 * Turns a sink record into one JSON line (without the trailing newline).
 *
 * <p>Values and keys go through a {@link JsonConverter} with {@code schemas.enable=false}, so a Debezium
 * Struct becomes a plain object ({@code {"before":…,"after":…,"source":…,"op":"c",…}}) and never the
 * {@code {"schema":…,"payload":…}} envelope. A String that already holds a JSON document is kept as that
 * document (re-serialized on one line); any other String becomes a JSON string; raw bytes become a base64
 * string. Decimals are written as numbers.
 */
public final class RecordSerializer {

    private static final byte[] NULL = "null".getBytes(StandardCharsets.US_ASCII);

    private final List<String> fields;
    private final boolean valueOnly;
    private final S3SinkConfig.NullValueBehavior nullValues;
    private final JsonConverter valueConverter = new JsonConverter();
    private final JsonConverter keyConverter = new JsonConverter();
    private final ObjectMapper mapper;

    public RecordSerializer(List<String> fields, S3SinkConfig.NullValueBehavior nullValues) {
        if (fields.isEmpty()) throw new IllegalArgumentException("no output fields");
        this.fields = List.copyOf(fields);
        this.valueOnly = fields.size() == 1 && fields.get(0).equals("value");
        this.nullValues = nullValues;
        Map<String, Object> conf = Map.of(
                JsonConverterConfig.SCHEMAS_ENABLE_CONFIG, false,
                JsonConverterConfig.DECIMAL_FORMAT_CONFIG, "NUMERIC");
        valueConverter.configure(conf, false);
        keyConverter.configure(conf, true);
        mapper = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    }

    public static RecordSerializer from(S3SinkConfig config) {
        return new RecordSerializer(config.outputFields(), config.nullValueBehavior());
    }

    /** The line for a record, or null when the record is skipped (a null value with behavior ignore). */
    public byte[] serialize(SinkRecord record) {
        if (record.value() == null && nullValues == S3SinkConfig.NullValueBehavior.IGNORE) return null;
        try {
            if (valueOnly) return toJson(valueConverter, record.topic(), record.valueSchema(), record.value());
            StringBuilder line = new StringBuilder(256).append('{');
            boolean first = true;
            for (String field : fields) {
                if (!first) line.append(',');
                first = false;
                line.append('"').append(field).append("\":");
                switch (field) {
                    case "value" -> line.append(utf8(toJson(valueConverter, record.topic(), record.valueSchema(), record.value())));
                    case "key" -> line.append(utf8(toJson(keyConverter, record.topic(), record.keySchema(), record.key())));
                    case "offset" -> line.append(record.kafkaOffset());
                    case "timestamp" -> line.append(record.timestamp() == null ? "null" : record.timestamp().toString());
                    case "headers" -> appendHeaders(line, record);
                    default -> throw new IllegalStateException("unknown output field " + field);
                }
            }
            return line.append('}').toString().getBytes(StandardCharsets.UTF_8);
        } catch (DataException | IOException e) {
            throw new DataException("Cannot serialize the record at " + record.topic() + "-" + record.kafkaPartition()
                    + "@" + record.kafkaOffset() + " to JSON: " + e.getMessage(), e);
        }
    }

    private void appendHeaders(StringBuilder line, SinkRecord record) throws IOException {
        line.append('[');
        boolean first = true;
        for (Header h : record.headers()) {
            if (!first) line.append(',');
            first = false;
            line.append("{\"key\":").append(mapper.writeValueAsString(h.key())).append(",\"value\":")
                    .append(utf8(toJson(valueConverter, record.topic(), h.schema(), h.value()))).append('}');
        }
        line.append(']');
    }

    private byte[] toJson(JsonConverter converter, String topic, Schema schema, Object value) throws IOException {
        if (value == null) return NULL;
        if (value instanceof byte[] bytes) return base64(bytes);
        if (value instanceof ByteBuffer buffer) {
            ByteBuffer b = buffer.duplicate();
            byte[] bytes = new byte[b.remaining()];
            b.get(bytes);
            return base64(bytes);
        }
        if (value instanceof String s && (schema == null || schema.type() == Schema.Type.STRING)) {
            String json = asJsonDocument(s);
            return json != null ? json.getBytes(StandardCharsets.UTF_8) : mapper.writeValueAsBytes(s);
        }
        byte[] json = converter.fromConnectData(topic, schema, value);
        return json == null ? NULL : json;
    }

    /**
     * The string itself, on one line, when it holds exactly one JSON document; null otherwise. The text is
     * kept as it is (numbers keep their digits): only line breaks are turned into spaces, which is lossless
     * because a raw line break can only be whitespace between JSON tokens (inside strings it must be escaped).
     */
    String asJsonDocument(String s) {
        String t = s.strip();
        if (t.isEmpty()) return null;
        char c = t.charAt(0);
        // cheap pre-check: a JSON document starts with one of these
        if (!(c == '{' || c == '[' || c == '"' || c == '-' || (c >= '0' && c <= '9') || c == 't' || c == 'f' || c == 'n')) {
            return null;
        }
        try {
            JsonNode node = mapper.readTree(t);
            if (node == null || node.isMissingNode()) return null;
        } catch (IOException e) {
            return null;
        }
        return t.indexOf('\n') < 0 && t.indexOf('\r') < 0 ? t : t.replace('\r', ' ').replace('\n', ' ');
    }

    private byte[] base64(byte[] bytes) {
        byte[] encoded = Base64.getEncoder().encode(bytes);
        byte[] out = new byte[encoded.length + 2];
        out[0] = '"';
        System.arraycopy(encoded, 0, out, 1, encoded.length);
        out[out.length - 1] = '"';
        return out;
    }

    private static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
