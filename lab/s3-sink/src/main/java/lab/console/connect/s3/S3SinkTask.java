package lab.console.connect.s3;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.function.LongSupplier;

import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.DataException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.ErrantRecordReporter;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Buffers records per topic-partition and writes each buffer as one object when it is full
 * ({@code flush.size}), when it is older than {@code rotate.interval.ms}, or before a record that belongs
 * to another partition folder. {@link #preCommit} hands Kafka Connect only the offsets of stored records.
 */
public class S3SinkTask extends SinkTask {

    public static final String CONTENT_TYPE = "application/x-ndjson";

    /** The shortest wake-up asked of the framework while an object is open (avoids a busy poll loop). */
    static final long MIN_WAKEUP_MS = 100;

    private static final Logger log = LoggerFactory.getLogger(S3SinkTask.class);

    private final Function<S3SinkConfig, ObjectStore> storeFactory;
    private final LongSupplier clock;
    private final Map<TopicPartition, PartitionState> states = new HashMap<>();

    private S3SinkConfig config;
    private ObjectStore store;
    private RecordSerializer serializer;
    private RotationPolicy policy;
    private ErrantRecordReporter reporter;
    private RetryBudget retries;
    /** Whether S3 answered since the task started (the bucket check, or a write); until then each put() checks again. */
    private boolean reached;

    public S3SinkTask() {
        this(S3ObjectStore::new, System::currentTimeMillis);
    }

    S3SinkTask(Function<S3SinkConfig, ObjectStore> storeFactory, LongSupplier clock) {
        this.storeFactory = storeFactory;
        this.clock = clock;
    }

    @Override
    public String version() {
        return Version.get();
    }

    @Override
    public void start(Map<String, String> props) {
        config = S3SinkConfig.forStart(props);
        serializer = RecordSerializer.from(config);
        policy = RotationPolicy.from(config);
        reporter = errantRecordReporter();
        retries = new RetryBudget(config.maxRetries(), config.retryBackoffMs());
        reached = false;
        store = storeFactory.apply(config);
        try {
            store.checkBucket();
            reached = true;
        } catch (RetriableException e) {
            // S3 may come up after Connect: put() checks again, s3.retry.backoff.ms apart, a bounded number of times
            RuntimeException verdict = retries.fail(e, clock.getAsLong());
            if (!(verdict instanceof RetriableException)) { // s3.max.retries=0
                closeStore();
                throw verdict;
            }
            log.warn("S3 sink: cannot check {} yet ({}); will retry", store.describe(), e.getMessage());
        } catch (RuntimeException e) {
            closeStore();
            throw e;
        }
        log.info("S3 sink task started: writing to {}, objects of up to {} records, rotated after {} ms, keys {}/<topic>/{}/…{}",
                store.describe(), config.flushSize(), config.rotateIntervalMs(), config.topicsDir(),
                config.partitioning().kind() == Partitioning.Kind.TIME ? config.partitioning().format() : "partition=<n>",
                config.objectExtension());
    }

    private ErrantRecordReporter errantRecordReporter() {
        try {
            return context == null ? null : context.errantRecordReporter();
        } catch (NoSuchMethodError | NoClassDefFoundError e) { // workers older than Kafka 2.6
            return null;
        }
    }

    @Override
    public void open(Collection<TopicPartition> partitions) {
        for (TopicPartition tp : partitions) states.put(tp, new PartitionState(tp));
    }

    /** Drops the buffers of revoked partitions: their records were not committed and go to the next owner. */
    @Override
    public void close(Collection<TopicPartition> partitions) {
        for (TopicPartition tp : partitions) {
            PartitionState dropped = states.remove(tp);
            if (dropped != null && !dropped.isEmpty()) {
                log.info("S3 sink: {} revoked; dropping {} buffered records (offsets from {}), they will be redelivered",
                        tp, dropped.records(), dropped.startOffset());
            }
        }
    }

    @Override
    public void put(Collection<SinkRecord> records) {
        RetriableException waiting = retries.waiting(clock.getAsLong());
        if (waiting != null) {
            if (context != null) context.timeout(Math.max(MIN_WAKEUP_MS, retries.msUntilNextAttempt(clock.getAsLong())));
            throw waiting;
        }
        if (!reached) checkAgain();
        long now = clock.getAsLong();
        for (SinkRecord record : records) {
            TopicPartition tp = new TopicPartition(record.originalTopic(), record.originalKafkaPartition());
            PartitionState state = states.computeIfAbsent(tp, PartitionState::new);
            long offset = record.originalKafkaOffset();
            if (state.alreadySeen(offset)) continue; // redelivery of a batch already buffered or written
            byte[] line;
            try {
                line = serializer.serialize(record);
            } catch (DataException e) {
                if (reporter == null) throw e;
                reporter.report(record, e);
                state.skip(offset);
                continue;
            }
            if (line == null) {
                state.skip(offset);
                continue;
            }
            String keyPrefix = keyPrefix(record, now);
            if (policy.mustRotateBefore(state, keyPrefix)) write(state);
            state.append(offset, keyPrefix, line, now);
            if (policy.isFull(state.records())) write(state);
        }
        writeReady(now);
        scheduleWakeUp(now);
    }

    /**
     * The bucket check of start(), again: put() is called even with no records, so an endpoint that stays
     * unreachable fails the task after s3.max.retries attempts instead of leaving it RUNNING and silent.
     */
    private void checkAgain() {
        try {
            store.checkBucket();
        } catch (RetriableException e) {
            if (context != null) context.timeout(config.retryBackoffMs());
            throw retries.fail(e, clock.getAsLong());
        }
        reached = true;
        retries.succeeded();
        log.info("S3 sink: {} is reachable", store.describe());
    }

    /** Not called by Kafka Connect when {@link #preCommit} is overridden; kept for direct callers. */
    @Override
    public void flush(Map<TopicPartition, OffsetAndMetadata> currentOffsets) {
        writeReady(clock.getAsLong());
    }

    @Override
    public Map<TopicPartition, OffsetAndMetadata> preCommit(Map<TopicPartition, OffsetAndMetadata> currentOffsets) {
        try {
            // after a retriable failure, put()'s redelivery retries (s3.retry.backoff.ms later), not every commit
            if (retries.failures() == 0) writeReady(clock.getAsLong());
        } catch (ConnectException e) {
            // the next put() retries the write and fails the task if it is permanent; commit what is stored
            log.warn("S3 sink: writing due objects before the offset commit failed: {}", e.getMessage());
        }
        Map<TopicPartition, OffsetAndMetadata> durable = new HashMap<>();
        for (PartitionState state : states.values()) {
            TopicPartition tp = state.topicPartition();
            if (state.durableNext() >= 0 && currentOffsets.containsKey(tp)) {
                durable.put(tp, new OffsetAndMetadata(state.durableNext()));
            }
        }
        return durable;
    }

    @Override
    public void stop() {
        states.clear();
        closeStore();
    }

    private void closeStore() {
        if (store != null) {
            try {
                store.close();
            } catch (RuntimeException e) {
                log.warn("S3 sink: closing the S3 client failed", e);
            }
            store = null;
        }
    }

    private String keyPrefix(SinkRecord record, long now) {
        Long ts = record.timestamp();
        Instant when = Instant.ofEpochMilli(ts != null && ts >= 0 ? ts : now);
        String partitionPath = config.partitioning().path(when, record.kafkaPartition());
        return ObjectKeys.prefix(config.topicsDir(), record.topic(), partitionPath, record.kafkaPartition());
    }

    /** Writes every open object that is full or due. */
    private void writeReady(long now) {
        for (PartitionState state : states.values()) {
            if (policy.shouldWrite(state, now)) write(state);
        }
    }

    private void write(PartitionState state) {
        String key = ObjectKeys.key(state.keyPrefix(), state.startOffset(), config.objectExtension());
        try {
            store.put(key, state.content(), CONTENT_TYPE);
        } catch (RetriableException e) {
            if (context != null) context.timeout(config.retryBackoffMs());
            throw retries.fail(e, clock.getAsLong());
        }
        reached = true;
        retries.succeeded();
        log.info("S3 sink: wrote {} record(s) ({} bytes) to {}", state.records(), state.bufferedBytes(), key);
        state.markWritten();
    }

    /**
     * Asks the framework to call put() again when the oldest open object becomes due, so that a topic that
     * goes quiet still reaches the bucket within rotate.interval.ms (instead of at the next offset commit).
     */
    private void scheduleWakeUp(long now) {
        if (context == null) return;
        long next = Long.MAX_VALUE;
        for (PartitionState state : states.values()) {
            if (state.isEmpty()) continue;
            long ms = policy.msUntilDue(state.openedAtMs(), now);
            if (ms >= 0) next = Math.min(next, ms);
        }
        if (next != Long.MAX_VALUE) context.timeout(Math.max(MIN_WAKEUP_MS, next));
    }

    /** For tests. */
    PartitionState state(TopicPartition tp) {
        return states.get(tp);
    }
}
