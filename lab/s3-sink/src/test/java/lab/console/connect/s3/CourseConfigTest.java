package lab.console.connect.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

/** The course's JSON for Confluent's S3 sink, with only connector.class swapped to this sink. */
class CourseConfigTest {

    static Map<String, String> course() {
        Map<String, String> p = new HashMap<>();
        p.put("connector.class", S3SinkConnector.class.getName());
        p.put("tasks.max", "1");
        p.put("topics", "liga_sudoers.public.pessoas");
        p.put("s3.bucket.name", "raw");
        p.put("s3.region", "us-east-1");
        p.put("s3.endpoint", "http://127.0.0.1:9000");
        p.put("s3.access.key", "sudoers123");
        p.put("s3.secret.key", "sudoers1234");
        p.put("storage.class", "io.confluent.connect.s3.storage.S3Storage");
        p.put("format.class", "io.confluent.connect.s3.format.json.JsonFormat");
        p.put("partitioner.class", "io.confluent.connect.storage.partitioner.TimeBasedPartitioner");
        p.put("path.format", "'year'=YYYY/'month'=MM/'day'=dd");
        p.put("partition.duration.ms", "86400000");
        p.put("locale", "en-US");
        p.put("timezone", "UTC");
        p.put("flush.size", "10");
        p.put("rotate.interval.ms", "10000");
        p.put("schema.compatibility", "NONE"); // a Confluent key this sink has no use for: ignored
        return p;
    }

    /** A worker without AWS credentials of its own, where only 127.0.0.1 resolves. */
    static final S3SinkConnector BARE_WORKER = new S3SinkConnector(() -> false, "127.0.0.1"::equals);

    static Map<String, List<String>> errors(Map<String, String> p) {
        return S3SinkConfigTest.errors(BARE_WORKER, p);
    }

    @Test
    void theCourseKeysAreTakenAsThisSinksOwn() {
        assertEquals(Map.of(), errors(course()));
        S3SinkConfig c = new S3SinkConfig(course());
        assertEquals(URI.create("http://127.0.0.1:9000"), c.endpoint());
        assertEquals("sudoers123", c.accessKeyId());
        assertEquals("sudoers1234", c.secretAccessKey().value());
        assertEquals("raw", c.bucket());
        assertEquals("topics", c.topicsDir());
        assertEquals(".json", c.objectExtension(), "Confluent's JsonFormat names its objects .json");
        assertEquals(Partitioning.Kind.TIME, c.partitioning().kind());
        assertEquals(86_400_000L, c.partitioning().durationMs());
    }

    @Test
    void confluentsOwnKeyNamesWorkToo() {
        Map<String, String> p = course();
        p.remove("s3.endpoint");
        p.remove("s3.access.key");
        p.remove("s3.secret.key");
        p.put("store.url", "http://127.0.0.1:9000");
        p.put("aws.access.key.id", "sudoers123");
        p.put("aws.secret.access.key", "sudoers1234");
        p.put("s3.path.style.access", "false");
        p.put("s3.part.retries", "3");
        assertEquals(Map.of(), errors(p));
        S3SinkConfig c = new S3SinkConfig(p);
        assertEquals("sudoers123", c.accessKeyId());
        assertFalse(c.pathStyleAccess(), "the old Confluent name of s3.path.style.access.enabled");
        assertEquals(3, c.maxRetries(), "Confluent's s3.part.retries bounds the retries");
    }

    @Test
    void formatsStoragesAndPartitionersItCannotHonourAreNamedInValidation() {
        Map<String, String> p = course();
        p.put("format.class", "io.confluent.connect.s3.format.parquet.ParquetFormat");
        p.put("storage.class", "io.confluent.connect.hdfs.storage.HdfsStorage");
        p.put("partitioner.class", "io.confluent.connect.storage.partitioner.FieldPartitioner");
        Map<String, List<String>> e = errors(p);
        assertEquals(List.of("format.class", "partitioner.class", "storage.class"), e.keySet().stream().sorted().toList());
        assertTrue(e.get("format.class").get(0).contains("ParquetFormat is not supported"), e.toString());
        assertTrue(e.get("format.class").get(0).contains(S3SinkConfig.JSON_FORMAT), e.toString());
        assertTrue(e.get("partitioner.class").get(0).contains("FieldPartitioner")
                && e.get("partitioner.class").get(0).contains("TimeBasedPartitioner"), e.toString());
        assertTrue(e.get("storage.class").get(0).contains("HdfsStorage"), e.toString());
        assertThrows(ConfigException.class, () -> new S3SinkConfig(p));
    }

    @Test
    void aliasAndKeyWithDifferentValuesAreRejectedOnTheAlias() {
        Map<String, String> p = course();
        p.put("store.url", "http://minio:9000");
        Map<String, List<String>> e = errors(p);
        assertTrue(e.get("s3.endpoint").get(0).contains("store.url"), e.toString());
        assertThrows(ConfigException.class, () -> new S3SinkConfig(p));

        p.put("store.url", "http://127.0.0.1:9000"); // the course sets both, to the same URL: fine
        assertEquals(Map.of(), errors(p));
    }

    @Test
    void aMissingHalfOfTheCoursesCredentialsIsNamedWithTheCoursesKey() {
        Map<String, String> p = course();
        p.remove("s3.secret.key");
        Map<String, List<String>> e = errors(p);
        assertEquals(List.of("s3.secret.key"), List.copyOf(e.keySet()));
        assertTrue(e.get("s3.secret.key").get(0).contains("s3.access.key"), e.toString());
        assertThrows(ConfigException.class, () -> new S3SinkConfig(p));

        Map<String, String> q = course();
        q.remove("s3.access.key");
        assertEquals(List.of("s3.access.key"), List.copyOf(errors(q).keySet()));
    }

    @Test
    void noCredentialsForAnEndpointIsAnErrorUnlessTheWorkerHasItsOwn() {
        Map<String, String> p = course();
        p.remove("s3.access.key");
        p.remove("s3.secret.key");
        Map<String, List<String>> e = errors(p);
        assertEquals(List.of("s3.access.key"), List.copyOf(e.keySet()));
        assertTrue(e.get("s3.access.key").get(0).contains("no credentials for http://127.0.0.1:9000"), e.toString());

        S3SinkConnector workerWithCredentials = new S3SinkConnector(() -> true, h -> true);
        assertEquals(Map.of(), S3SinkConfigTest.errors(workerWithCredentials, p));
        p.remove("s3.endpoint"); // AWS itself: the default chain (instance roles included) decides at run time
        assertEquals(Map.of(), errors(p));
    }

    @Test
    void anEndpointHostThatDoesNotResolveIsNamedOnTheKeyThatHoldsIt() {
        Map<String, String> p = course();
        p.put("s3.endpoint", "http://minio:9000");
        List<String> e = errors(p).get("s3.endpoint");
        assertEquals(1, e.size(), errors(p).toString());
        assertTrue(e.get(0).contains("'minio'") && e.get(0).contains("http://127.0.0.1:9000"), e.get(0));
    }

    @Test
    void theWorkersResolverIsAsked() {
        assertTrue(S3SinkConnector.resolves("127.0.0.1"));
        assertFalse(S3SinkConnector.resolves("lab-s3-sink-test.invalid"), ".invalid never resolves (RFC 6761)");
    }

    @Test
    void localeAndPartitionDurationAreValidated() {
        Map<String, String> p = course();
        p.put("locale", "pt_BR");
        assertEquals(Map.of(), errors(p));
        p.put("locale", "12");
        p.put("partition.duration.ms", "-5");
        assertEquals(List.of("locale", "partition.duration.ms"), errors(p).keySet().stream().sorted().toList());
    }

    @Test
    void withoutConfluentsFormatClassObjectsKeepTheJsonlName() {
        Map<String, String> p = course();
        p.remove("format.class");
        assertEquals(".jsonl", new S3SinkConfig(p).objectExtension());
    }
}
