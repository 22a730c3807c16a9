package lab.console.connect.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.metrics.PluginMetrics;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTaskContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class S3SinkTaskTest {

    static final String TOPIC = "liga_sudoers.public.pessoas";
    static final TopicPartition P0 = new TopicPartition(TOPIC, 0);
    static final TopicPartition P1 = new TopicPartition(TOPIC, 1);
    static final long DAY_28 = Instant.parse("2026-11-28T12:00:00Z").toEpochMilli();
    static final long DAY_29 = Instant.parse("2026-11-29T00:00:01Z").toEpochMilli();

    /** In-memory bucket; fails every put while {@code failWith} is set. */
    static final class MemoryStore implements ObjectStore {
        final Map<String, String> objects = new LinkedHashMap<>();
        final List<String> contentTypes = new ArrayList<>();
        RuntimeException failWith;
        RuntimeException failCheck;
        int checks;
        boolean closed;

        @Override
        public void put(String key, byte[] content, String contentType) {
            if (failWith != null) throw failWith;
            objects.put(key, new String(content, StandardCharsets.UTF_8));
            contentTypes.add(contentType);
        }

        @Override
        public void checkBucket() {
            checks++;
            if (failCheck != null) throw failCheck;
        }

        @Override
        public String describe() {
            return "memory";
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    static final class Context implements SinkTaskContext {
        long timeout = -1;
        final Set<TopicPartition> assignment = new HashSet<>();

        @Override public Map<String, String> configs() { return Map.of(); }
        @Override public void offset(Map<TopicPartition, Long> offsets) { throw new UnsupportedOperationException(); }
        @Override public void offset(TopicPartition tp, long offset) { throw new UnsupportedOperationException(); }
        @Override public void timeout(long timeoutMs) { timeout = timeoutMs; }
        @Override public Set<TopicPartition> assignment() { return assignment; }
        @Override public void pause(TopicPartition... partitions) {}
        @Override public void resume(TopicPartition... partitions) {}
        @Override public void requestCommit() {}
        @Override public PluginMetrics pluginMetrics() { return null; }
    }

    MemoryStore store;
    Context context;
    AtomicLong now;
    S3SinkTask task;

    @BeforeEach
    void setUp() {
        store = new MemoryStore();
        context = new Context();
        now = new AtomicLong(1_000_000);
        task = new S3SinkTask(c -> store, now::get);
        task.initialize(context);
    }

    void start(Map<String, String> extra) {
        Map<String, String> props = new HashMap<>(S3SinkConfigTest.minimal());
        props.put("flush.size", "3");
        props.putAll(extra);
        task.start(props);
        task.open(List.of(P0, P1));
    }

    static SinkRecord rec(int partition, long offset, String value, Long ts) {
        return new SinkRecord(TOPIC, partition, Schema.STRING_SCHEMA, "k" + offset, null, value, offset, ts,
                ts == null ? TimestampType.NO_TIMESTAMP_TYPE : TimestampType.CREATE_TIME);
    }

    static List<SinkRecord> recs(int partition, long from, long to, Long ts) {
        List<SinkRecord> out = new ArrayList<>();
        for (long o = from; o <= to; o++) out.add(rec(partition, o, "{\"n\":" + o + "}", ts));
        return out;
    }

    Map<TopicPartition, Long> committed(Map<TopicPartition, OffsetAndMetadata> current) {
        Map<TopicPartition, Long> out = new HashMap<>();
        task.preCommit(current).forEach((tp, om) -> out.put(tp, om.offset()));
        return out;
    }

    static Map<TopicPartition, OffsetAndMetadata> consumed(long p0, long p1) {
        return Map.of(P0, new OffsetAndMetadata(p0), P1, new OffsetAndMetadata(p1));
    }

    static String key(String day, int partition, long start) {
        return "topics/" + TOPIC + "/year=2026/month=11/day=" + day + "/" + TOPIC + "+" + partition + "+" + String.format("%019d", start) + ".jsonl";
    }

    @Test
    void writesAnObjectPerFlushSizeAndCommitsOnlyWhatIsStored() {
        start(Map.of());
        task.put(recs(0, 0, 7, DAY_28));
        assertEquals(List.of(key("28", 0, 0), key("28", 0, 3)), List.copyOf(store.objects.keySet()));
        assertEquals("{\"n\":0}\n{\"n\":1}\n{\"n\":2}\n", store.objects.get(key("28", 0, 0)));
        assertEquals(List.of("application/x-ndjson", "application/x-ndjson"), store.contentTypes);
        // 6 and 7 are buffered: Connect consumed up to 8, but only 6 is durable; P1 has nothing durable
        assertEquals(Map.of(P0, 6L), committed(consumed(8, 0)));
        assertEquals(2, task.state(P0).records());
    }

    @Test
    void rotatesAPartlyFilledObjectAfterTheIntervalOnTheNextPutOrCommit() {
        start(Map.of("flush.size", "100", "rotate.interval.ms", "10000"));
        task.put(recs(0, 0, 1, DAY_28));
        assertEquals(10_000, context.timeout, "asks to be woken up when the object is due");
        now.addAndGet(4_000);
        task.put(recs(0, 2, 2, DAY_28));
        assertEquals(6_000, context.timeout, "the deadline counts from the first record of the object");
        assertTrue(store.objects.isEmpty());
        now.addAndGet(6_000);
        task.put(List.of()); // the framework's wake-up: an empty put
        assertEquals(List.of(key("28", 0, 0)), List.copyOf(store.objects.keySet()));
        assertEquals(3, store.objects.get(key("28", 0, 0)).lines().count());
        assertEquals(Map.of(P0, 3L), committed(consumed(3, 0)));

        task.put(recs(1, 10, 10, DAY_28));
        now.addAndGet(10_000);
        assertEquals(Map.of(P0, 3L, P1, 11L), committed(consumed(3, 11)), "preCommit writes due objects first");
        assertTrue(store.objects.containsKey(key("28", 1, 10)));
    }

    @Test
    void partitionsByRecordTimestampFallingBackToTheWallClock() {
        start(Map.of("flush.size", "100"));
        task.put(List.of(rec(0, 0, "{}", DAY_28), rec(0, 1, "{}", DAY_28), rec(0, 2, "{}", DAY_29)));
        assertEquals(List.of(key("28", 0, 0)), List.copyOf(store.objects.keySet()), "a new day closes the previous object");
        assertEquals(Map.of(P0, 2L), committed(consumed(3, 0)));

        now.set(Instant.parse("2026-12-01T08:00:00Z").toEpochMilli());
        task.put(List.of(rec(1, 0, "{}", null), rec(1, 1, "{}", -1L)));
        task.preCommit(consumed(3, 2));
        now.addAndGet(10_000);
        task.preCommit(consumed(3, 2));
        assertTrue(store.objects.containsKey("topics/" + TOPIC + "/year=2026/month=12/day=01/" + TOPIC + "+1+0000000000000000000.jsonl"),
                store.objects.keySet()::toString);
    }

    @Test
    void retriableErrorKeepsTheBufferAndARedeliveryDoesNotDuplicate() {
        start(Map.of());
        store.failWith = new RetriableException("503 SlowDown");
        List<SinkRecord> batch = recs(0, 0, 4, DAY_28);
        assertThrows(RetriableException.class, () -> task.put(batch));
        assertEquals(5000, context.timeout, "backs off s3.retry.backoff.ms before the redelivery");
        assertTrue(store.objects.isEmpty());
        assertEquals(Map.of(), committed(consumed(5, 0)), "preCommit commits nothing");

        store.failWith = null;
        now.addAndGet(5000);
        task.put(batch); // Kafka Connect redelivers the same batch
        assertEquals("{\"n\":0}\n{\"n\":1}\n{\"n\":2}\n", store.objects.get(key("28", 0, 0)));
        assertEquals(List.of(key("28", 0, 0)), List.copyOf(store.objects.keySet()));
        assertEquals(2, task.state(P0).records(), "3 and 4 are buffered once, not twice");
        assertEquals(Map.of(P0, 3L), committed(consumed(5, 0)));
    }

    @Test
    void permanentErrorFailsThePutButPreCommitStillReportsStoredOffsets() {
        start(Map.of("flush.size", "2"));
        task.put(recs(0, 0, 1, DAY_28));
        store.failWith = new ConnectException("NoSuchBucket: the bucket 'raw' does not exist");
        assertThrows(ConnectException.class, () -> task.put(recs(0, 2, 3, DAY_28)));
        assertEquals(Map.of(P0, 2L), committed(consumed(4, 0)));
    }

    @Test
    void tombstonesAreSkippedButTheirOffsetsCommitted() {
        start(Map.of());
        task.put(List.of(rec(0, 0, null, DAY_28), rec(0, 1, null, DAY_28)));
        assertEquals(Map.of(P0, 2L), committed(consumed(2, 0)));
        task.put(List.of(rec(0, 2, "{}", DAY_28), rec(0, 3, null, DAY_28)));
        assertEquals(Map.of(P0, 2L), committed(consumed(4, 0)), "a skipped record after a buffered one waits for it");
        assertTrue(store.objects.isEmpty());
    }

    @Test
    void tombstonesWrittenAsNullWhenAsked() {
        start(Map.of("behavior.on.null.values", "write", "flush.size", "2"));
        task.put(List.of(rec(0, 0, "{\"a\":1}", DAY_28), rec(0, 1, null, DAY_28)));
        assertEquals("{\"a\":1}\nnull\n", store.objects.get(key("28", 0, 0)));
    }

    @Test
    void closeDropsBuffersAndReopenStartsClean() {
        start(Map.of());
        task.put(recs(0, 0, 4, DAY_28)); // 0..2 written, 3..4 buffered
        task.put(recs(1, 0, 0, DAY_28));
        task.close(List.of(P0));
        assertEquals(Map.of(), committed(Map.of(P1, new OffsetAndMetadata(1))), "P1 has nothing durable");
        assertEquals(null, task.state(P0));
        // P0 comes back (rebalance): Connect redelivers from the committed offset 3
        task.open(List.of(P0));
        task.put(recs(0, 3, 5, DAY_28));
        assertEquals("{\"n\":3}\n{\"n\":4}\n{\"n\":5}\n", store.objects.get(key("28", 0, 3)));
        assertEquals(Map.of(P0, 6L), committed(consumed(6, 1)));
    }

    @Test
    void offsetsResetRewritesTheSameKeys() {
        start(Map.of());
        task.put(recs(0, 0, 5, DAY_28));
        Map<String, String> first = new LinkedHashMap<>(store.objects);
        task.stop();
        assertTrue(store.closed);
        // the connector is restarted after its offsets were reset to 0
        task = new S3SinkTask(c -> store, now::get);
        task.initialize(context);
        start(Map.of());
        task.put(recs(0, 0, 5, DAY_28));
        assertEquals(first, store.objects);
    }

    @Test
    void transformedTopicNamesTheKeyWhileOffsetsStayOnTheOriginalPartition() {
        start(Map.of("flush.size", "1"));
        SinkRecord original = rec(0, 0, "{}", DAY_28);
        SinkRecord routed = original.newRecord("pessoas", 0, original.keySchema(), original.key(), original.valueSchema(),
                original.value(), original.timestamp());
        task.put(List.of(routed));
        assertTrue(store.objects.containsKey("topics/pessoas/year=2026/month=11/day=28/pessoas+0+0000000000000000000.jsonl"),
                store.objects.keySet()::toString);
        assertEquals(Map.of(P0, 1L), committed(consumed(1, 0)));
    }

    @Test
    void startFailsOnAMissingBucketButToleratesAnUnreachableServer() {
        store.failCheck = new ConnectException("NoSuchBucket: the bucket 'raw' does not exist");
        ConnectException e = assertThrows(ConnectException.class, () -> start(Map.of()));
        assertTrue(e.getMessage().contains("NoSuchBucket"));
        assertTrue(store.closed);

        setUp();
        store.failCheck = new RetriableException("Connection refused");
        start(Map.of());
        store.failCheck = null; // the server comes up: the next put after the backoff checks again, then writes
        now.addAndGet(5000);
        task.put(recs(0, 0, 2, DAY_28));
        assertEquals(1, store.objects.size());
    }

    @Test
    void invalidConfigurationFailsStart() {
        Map<String, String> props = new HashMap<>(S3SinkConfigTest.minimal());
        props.put("format.output.type", "avro");
        ConnectException e = assertThrows(ConnectException.class, () -> task.start(props));
        assertInstanceOf(org.apache.kafka.common.config.ConfigException.class, e.getCause());
        assertTrue(e.getMessage().contains("jsonl"), e.getMessage());
    }

    @Test
    void theCourseConfigWritesWhereTheCourseExpects() {
        List<S3SinkConfig> seen = new ArrayList<>();
        task = new S3SinkTask(c -> {
            seen.add(c);
            return store;
        }, now::get);
        task.initialize(context);
        Map<String, String> props = CourseConfigTest.course();
        props.put("flush.size", "3");
        task.start(props);
        task.open(List.of(P0));
        task.put(recs(0, 0, 2, DAY_28));
        assertEquals(List.of("topics/" + TOPIC + "/year=2026/month=11/day=28/" + TOPIC + "+0+0000000000000000000.json"),
                List.copyOf(store.objects.keySet()));
        assertEquals("http://127.0.0.1:9000", seen.get(0).endpoint().toString(), "the store talks to s3.endpoint");
        assertEquals("sudoers123", seen.get(0).accessKeyId(), "with s3.access.key");
    }

    @Test
    void theDefaultPartitionerWritesPartitionFolders() {
        start(Map.of("partitioner.class", "io.confluent.connect.storage.partitioner.DefaultPartitioner"));
        task.put(recs(1, 0, 2, DAY_28));
        assertEquals(List.of("topics/" + TOPIC + "/partition=1/" + TOPIC + "+1+0000000000000000000.jsonl"), List.copyOf(store.objects.keySet()));
    }

    @Test
    void anEndpointThatStaysUnreachableFailsTheTaskAfterTheRetriesWithItsCause() {
        store.failCheck = new RetriableException("HeadBucket s3://raw could not reach http://minio:9000: UnknownHostException minio; will retry");
        start(Map.of("s3.max.retries", "2", "s3.retry.backoff.ms", "1000"));
        assertEquals(1, store.checks);
        // no records at all: Kafka Connect still calls put(); one attempt per s3.retry.backoff.ms
        now.addAndGet(400); // Connect's next poll may come before the backoff: no attempt, and none counted
        assertThrows(RetriableException.class, () -> task.put(List.of()));
        assertEquals(1, store.checks);
        assertEquals(600, context.timeout, "asks to be called again when the next attempt is due");
        now.addAndGet(600);
        assertThrows(RetriableException.class, () -> task.put(List.of()));
        assertEquals(2, store.checks);
        assertEquals(1000, context.timeout, "the next attempt comes s3.retry.backoff.ms later");
        now.addAndGet(1000);
        ConnectException failed = assertThrows(ConnectException.class, () -> task.put(List.of()));
        assertEquals(3, store.checks);
        assertEquals(ConnectException.class, failed.getClass(), "not retriable: the task FAILS");
        assertTrue(failed.getMessage().contains("giving up after 3 attempt(s)") && failed.getMessage().contains("s3.max.retries=2"),
                failed.getMessage());
        assertTrue(failed.getMessage().contains("UnknownHostException minio") && failed.getMessage().contains("http://minio:9000"),
                failed.getMessage());
        assertTrue(store.objects.isEmpty());
    }

    @Test
    void noRetriesMeansAnUnreachableEndpointFailsTheStart() {
        store.failCheck = new RetriableException("Connection refused");
        ConnectException e = assertThrows(ConnectException.class, () -> start(Map.of("s3.max.retries", "0")));
        assertTrue(e.getMessage().contains("Connection refused"), e.getMessage());
        assertTrue(store.closed);
    }

    @Test
    void failedWritesAreRetriedABoundedNumberOfTimesInARowAndASuccessResetsTheCount() {
        start(Map.of("s3.max.retries", "2"));
        List<SinkRecord> batch = recs(0, 0, 2, DAY_28);
        store.failWith = new RetriableException("PutObject failed: HTTP 503 SlowDown; will retry");
        assertThrows(RetriableException.class, () -> task.put(batch));
        for (int i = 0; i < 5; i++) task.preCommit(consumed(3, 0)); // offset commits neither write nor use up retries
        now.addAndGet(5000);
        assertThrows(RetriableException.class, () -> task.put(batch));
        store.failWith = null;
        now.addAndGet(5000);
        task.put(batch);
        assertEquals(1, store.objects.size());

        store.failWith = new RetriableException("PutObject failed: HTTP 503 SlowDown; will retry");
        List<SinkRecord> next = recs(0, 3, 5, DAY_28);
        assertThrows(RetriableException.class, () -> task.put(next));
        now.addAndGet(5000);
        assertThrows(RetriableException.class, () -> task.put(next));
        now.addAndGet(5000);
        ConnectException e = assertThrows(ConnectException.class, () -> task.put(next));
        assertEquals(ConnectException.class, e.getClass());
        assertTrue(e.getMessage().endsWith("HTTP 503 SlowDown"), e.getMessage());
    }
}
