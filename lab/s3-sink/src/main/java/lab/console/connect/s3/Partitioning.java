package lab.console.connect.s3;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The folder between {@code <topics.dir>/<topic>/} and the object name, as Confluent's partitioners build it:
 * <ul>
 *   <li>{@link Kind#TIME}: {@code path.format} applied to the record time (TimeBasedPartitioner; Daily and
 *       Hourly are TimeBased with a fixed format and duration), the time first floored to
 *       {@code partition.duration.ms} in the configured time zone when that is set;</li>
 *   <li>{@link Kind#KAFKA_PARTITION}: {@code partition=<n>} (DefaultPartitioner).</li>
 * </ul>
 */
public record Partitioning(Kind kind, PathFormat format, ZoneId zone, long durationMs) {

    public enum Kind { TIME, KAFKA_PARTITION }

    public static final String DAILY_FORMAT = "'year'=YYYY/'month'=MM/'day'=dd";
    public static final String HOURLY_FORMAT = "'year'=YYYY/'month'=MM/'day'=dd/'hour'=HH";

    public String path(Instant when, int kafkaPartition) {
        if (kind == Kind.KAFKA_PARTITION) return "partition=" + kafkaPartition;
        return format.format(floor(when), zone);
    }

    /** Confluent's TimeBasedPartitioner floors the local time to a multiple of the duration, then formats it. */
    Instant floor(Instant when) {
        if (durationMs <= 0) return when;
        ZoneOffset offset = zone.getRules().getOffset(when);
        long local = when.toEpochMilli() + offset.getTotalSeconds() * 1000L;
        long floored = Math.floorDiv(local, durationMs) * durationMs;
        LocalDateTime localStart = LocalDateTime.ofEpochSecond(Math.floorDiv(floored, 1000L),
                (int) Math.floorMod(floored, 1000L) * 1_000_000, ZoneOffset.UTC);
        return localStart.atZone(zone).toInstant();
    }

    static final long DAY_MS = Duration.ofDays(1).toMillis();
    static final long HOUR_MS = Duration.ofHours(1).toMillis();
}
