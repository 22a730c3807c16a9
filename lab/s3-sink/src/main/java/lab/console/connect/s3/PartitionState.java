package lab.console.connect.s3;

import java.io.ByteArrayOutputStream;

import org.apache.kafka.common.TopicPartition;

/**
 * The sink's bookkeeping for one assigned topic-partition: the open (not yet written) object and the
 * offsets that are durable.
 *
 * <p>Offsets: {@code lastSeen} is the highest offset handled (buffered, written or deliberately skipped);
 * {@code durableNext} is the offset to commit: every record before it is either in an object already in
 * S3 or was skipped on purpose (a tombstone with {@code behavior.on.null.values=ignore}). Records at or
 * below {@code lastSeen} are redeliveries (Kafka Connect resends a batch after a retriable error, or
 * rewinds to the last committed offset after a failed commit) and are ignored, so nothing is buffered twice.
 */
public final class PartitionState {

    private final TopicPartition tp;

    private String keyPrefix;
    private long startOffset = -1;
    private long openedAtMs;
    private int records;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);

    private long lastSeen = -1;
    private long durableNext = -1;

    public PartitionState(TopicPartition tp) {
        this.tp = tp;
    }

    public TopicPartition topicPartition() {
        return tp;
    }

    /** True when this offset was already handled by this task (a redelivery). */
    public boolean alreadySeen(long offset) {
        return offset <= lastSeen;
    }

    /** Adds one serialized line to the open object (opening it at this record if empty); {@code keyPrefix} is
     * the object key without the start offset ({@link ObjectKeys#prefix}), so a change of topic, partition or
     * time partition folder never lands in the same object. */
    public void append(long offset, String keyPrefix, byte[] line, long nowMs) {
        if (alreadySeen(offset)) throw new IllegalStateException(tp + ": offset " + offset + " already handled (last " + lastSeen + ")");
        if (records == 0) {
            this.keyPrefix = keyPrefix;
            startOffset = offset;
            openedAtMs = nowMs;
            bytes.reset();
        } else if (!this.keyPrefix.equals(keyPrefix)) {
            throw new IllegalStateException(tp + ": the open object is " + this.keyPrefix + "..., not " + keyPrefix);
        }
        bytes.write(line, 0, line.length);
        bytes.write('\n');
        records++;
        lastSeen = offset;
    }

    /** A record dropped on purpose: it needs no object, so with nothing buffered it is durable at once. */
    public void skip(long offset) {
        if (alreadySeen(offset)) throw new IllegalStateException(tp + ": offset " + offset + " already handled (last " + lastSeen + ")");
        lastSeen = offset;
        if (records == 0) durableNext = offset + 1;
    }

    /** Called once the open object is stored: everything seen so far is durable; the buffer is emptied. */
    public void markWritten() {
        if (records == 0) throw new IllegalStateException(tp + ": nothing to mark written");
        durableNext = lastSeen + 1;
        records = 0;
        keyPrefix = null;
        startOffset = -1;
        bytes.reset();
    }

    public boolean isEmpty() {
        return records == 0;
    }

    public int records() {
        return records;
    }

    public String keyPrefix() {
        return keyPrefix;
    }

    public long startOffset() {
        return startOffset;
    }

    public long openedAtMs() {
        return openedAtMs;
    }

    public int bufferedBytes() {
        return bytes.size();
    }

    /** The content of the open object (JSON lines, each ending with a newline). */
    public byte[] content() {
        return bytes.toByteArray();
    }

    /** The next offset to commit, or -1 when nothing is durable yet for this partition in this task. */
    public long durableNext() {
        return durableNext;
    }
}
