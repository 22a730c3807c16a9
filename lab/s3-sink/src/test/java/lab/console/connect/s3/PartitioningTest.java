package lab.console.connect.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class PartitioningTest {

    static final ZoneId UTC = ZoneId.of("UTC");
    static final ZoneId SAO_PAULO = ZoneId.of("America/Sao_Paulo");
    static final Instant T = Instant.parse("2026-11-29T01:30:00Z"); // 22:30 of the 28th in São Paulo

    static Partitioning of(String partitioner, String format, ZoneId zone, long durationMs) {
        return S3SinkConfig.partitioning(partitioner, PathFormat.compile(format), zone, durationMs);
    }

    @Test
    void timeBasedUsesThePathFormatInTheConfiguredZone() {
        assertEquals("year=2026/month=11/day=29", of(null, Partitioning.DAILY_FORMAT, UTC, -1).path(T, 0));
        assertEquals("year=2026/month=11/day=28",
                of("io.confluent.connect.storage.partitioner.TimeBasedPartitioner", Partitioning.DAILY_FORMAT, SAO_PAULO, 86_400_000L).path(T, 0));
    }

    @Test
    void theDurationFloorsTheTimeBeforeFormatting() {
        // an hourly format with a daily duration: Confluent's partitioner writes every record of a day under hour=00
        assertEquals("year=2026/month=11/day=28/hour=00", of("TimeBasedPartitioner", Partitioning.HOURLY_FORMAT, SAO_PAULO, 86_400_000L).path(T, 0));
        assertEquals("year=2026/month=11/day=28/hour=22", of("TimeBasedPartitioner", Partitioning.HOURLY_FORMAT, SAO_PAULO, 3_600_000L).path(T, 0));
    }

    @Test
    void dailyAndHourlyHaveTheirOwnFormatsAndDefaultUsesTheKafkaPartition() {
        String ignored = "'x'=YYYY";
        assertEquals("year=2026/month=11/day=29", of("io.confluent.connect.storage.partitioner.DailyPartitioner", ignored, UTC, -1).path(T, 0));
        assertEquals("year=2026/month=11/day=29/hour=01", of("HourlyPartitioner", ignored, UTC, -1).path(T, 0));
        assertEquals("partition=3", of("io.confluent.connect.storage.partitioner.DefaultPartitioner", ignored, UTC, -1).path(T, 3));
    }
}
