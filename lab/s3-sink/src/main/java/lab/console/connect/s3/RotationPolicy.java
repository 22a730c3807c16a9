package lab.console.connect.s3;

/**
 * When an open object (the buffered records of one topic-partition) is written.
 *
 * <ul>
 *   <li><b>full</b>: it holds {@code flush.size} records;</li>
 *   <li><b>due</b>: {@code rotate.interval.ms} of wall-clock time have passed since its first record was
 *       received (0 disables this), so a quiet topic still reaches the bucket;</li>
 *   <li><b>new partition path</b>: the next record belongs to another time partition
 *       ({@code year=…/month=…/day=…}); an object never spans two partition folders, and each object holds
 *       a contiguous range of offsets.</li>
 * </ul>
 */
public record RotationPolicy(int flushSize, long rotateIntervalMs) {

    public RotationPolicy {
        if (flushSize < 1) throw new IllegalArgumentException("flushSize must be >= 1");
        if (rotateIntervalMs < 0) throw new IllegalArgumentException("rotateIntervalMs must be >= 0");
    }

    public static RotationPolicy from(S3SinkConfig config) {
        return new RotationPolicy(config.flushSize(), config.rotateIntervalMs());
    }

    public boolean isFull(int records) {
        return records >= flushSize;
    }

    /** Whether an open object whose first record arrived at {@code openedAtMs} must be written at {@code nowMs}. */
    public boolean isDue(long openedAtMs, long nowMs) {
        return rotateIntervalMs > 0 && nowMs - openedAtMs >= rotateIntervalMs;
    }

    /** Milliseconds until an object opened at {@code openedAtMs} is due (0 if already due), or -1 when time rotation is off. */
    public long msUntilDue(long openedAtMs, long nowMs) {
        if (rotateIntervalMs == 0) return -1;
        return Math.max(0, openedAtMs + rotateIntervalMs - nowMs);
    }

    /** Whether the open object must be written before a record whose object key prefix is {@code nextKeyPrefix} is added. */
    public boolean mustRotateBefore(PartitionState state, String nextKeyPrefix) {
        return !state.isEmpty() && (isFull(state.records()) || !state.keyPrefix().equals(nextKeyPrefix));
    }

    /** Whether the open object must be written now (after the records of a put, or on flush/preCommit). */
    public boolean shouldWrite(PartitionState state, long nowMs) {
        return !state.isEmpty() && (isFull(state.records()) || isDue(state.openedAtMs(), nowMs));
    }
}
