package lab.console.connect.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.kafka.common.config.Config;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.config.ConfigValue;
import org.junit.jupiter.api.Test;

class S3SinkConfigTest {

    static Map<String, String> minimal() {
        Map<String, String> p = new HashMap<>();
        p.put("connector.class", S3SinkConnector.class.getName());
        p.put("topics", "liga_sudoers.public.pessoas");
        p.put("s3.bucket.name", "raw");
        return p;
    }

    /** Errors per key, as Kafka Connect's validate endpoint reports them (every host resolves, the worker has credentials). */
    static Map<String, List<String>> errors(Map<String, String> props) {
        return errors(new S3SinkConnector(() -> true, host -> true), props);
    }

    static Map<String, List<String>> errors(S3SinkConnector connector, Map<String, String> props) {
        Config config = connector.validate(props);
        return config.configValues().stream()
                .filter(v -> !v.errorMessages().isEmpty())
                .collect(Collectors.toMap(ConfigValue::name, ConfigValue::errorMessages));
    }

    @Test
    void defaultsMirrorTheCourseConnector() {
        S3SinkConfig c = new S3SinkConfig(minimal());
        assertEquals("raw", c.bucket());
        assertEquals("us-east-1", c.region());
        assertNull(c.endpoint());
        assertTrue(c.pathStyleAccess());
        assertNull(c.accessKeyId());
        assertEquals("topics", c.topicsDir());
        assertEquals(10, c.flushSize());
        assertEquals(10_000L, c.rotateIntervalMs());
        assertEquals(S3SinkConfig.DEFAULT_PATH_FORMAT, c.pathFormat().pattern());
        assertEquals("UTC", c.timeZone().getId());
        assertEquals(List.of("value"), c.outputFields());
        assertEquals(S3SinkConfig.NullValueBehavior.IGNORE, c.nullValueBehavior());
        assertTrue(errors(minimal()).isEmpty(), () -> errors(minimal()).toString());
    }

    @Test
    void fullConfigParses() {
        Map<String, String> p = minimal();
        p.put("store.url", "http://minio:9000");
        p.put("aws.access.key.id", "sudoers123");
        p.put("aws.secret.access.key", "sudoers1234");
        p.put("format.output.fields", " key, value ,offset,timestamp,headers,value");
        p.put("behavior.on.null.values", "WRITE");
        p.put("topics.dir", "/lake/");
        S3SinkConfig c = new S3SinkConfig(p);
        assertEquals(URI.create("http://minio:9000"), c.endpoint());
        assertEquals("sudoers1234", c.secretAccessKey().value());
        assertTrue(c.toString().contains("[hidden]") || !c.toString().contains("sudoers1234"), "the secret must not be printed");
        assertEquals(List.of("key", "value", "offset", "timestamp", "headers"), c.outputFields());
        assertEquals(S3SinkConfig.NullValueBehavior.WRITE, c.nullValueBehavior());
        assertEquals("lake", c.topicsDir());
        assertTrue(errors(p).isEmpty(), () -> errors(p).toString());
    }

    @Test
    void missingBucketIsReportedOnTheBucketKey() {
        Map<String, String> p = minimal();
        p.remove("s3.bucket.name");
        Map<String, List<String>> e = errors(p);
        assertEquals(List.of("s3.bucket.name"), List.copyOf(e.keySet()));
        assertThrows(ConfigException.class, () -> new S3SinkConfig(p));
        p.put("s3.bucket.name", "  ");
        assertTrue(errors(p).get("s3.bucket.name").get(0).contains("must not be empty"));
    }

    @Test
    void onlyJsonlIsAccepted() {
        Map<String, String> p = minimal();
        p.put("format.output.type", "parquet");
        List<String> e = errors(p).get("format.output.type");
        assertEquals(1, e.size());
        assertTrue(e.get(0).contains("jsonl"), e.get(0));
        p.put("format.output.type", "JSONL");
        assertTrue(errors(p).isEmpty());
    }

    @Test
    void invalidValuesAreReportedOnTheirKeys() {
        Map<String, String> p = minimal();
        p.put("flush.size", "0");
        p.put("rotate.interval.ms", "-5");
        p.put("path.format", "'year'=YYYY/'month'=mm");
        p.put("timezone", "Mars/Olympus");
        p.put("format.output.fields", "value,partition");
        p.put("behavior.on.null.values", "fail");
        p.put("store.url", "minio:9000");
        p.put("s3.path.style.access.enabled", "maybe");
        Map<String, List<String>> e = errors(p);
        assertEquals(
                List.of("behavior.on.null.values", "flush.size", "format.output.fields", "path.format",
                        "rotate.interval.ms", "s3.path.style.access.enabled", "store.url", "timezone"),
                e.keySet().stream().sorted().toList());
        assertTrue(e.get("format.output.fields").get(0).contains("partition"));
        assertTrue(e.get("path.format").get(0).contains("mm"));
        assertTrue(e.get("store.url").get(0).contains("http://"));
    }

    @Test
    void emptyOutputFieldsAreRejected() {
        Map<String, String> p = minimal();
        p.put("format.output.fields", " , ");
        assertTrue(errors(p).containsKey("format.output.fields"));
    }

    @Test
    void accessKeyAndSecretGoTogether() {
        Map<String, String> p = minimal();
        p.put("aws.access.key.id", "sudoers123");
        assertEquals(List.of("aws.secret.access.key"), List.copyOf(errors(p).keySet()));
        assertThrows(ConfigException.class, () -> new S3SinkConfig(p));

        Map<String, String> q = minimal();
        q.put("aws.secret.access.key", "sudoers1234");
        assertEquals(List.of("aws.access.key.id"), List.copyOf(errors(q).keySet()));
    }

    @Test
    void everyKeyIsDocumented() {
        S3SinkConfig.CONFIG_DEF.configKeys().values().forEach(k ->
                assertTrue(k.documentation != null && k.documentation.length() > 20, k.name));
    }
}
