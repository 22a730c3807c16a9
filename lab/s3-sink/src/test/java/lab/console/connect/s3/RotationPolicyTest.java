package lab.console.connect.s3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class RotationPolicyTest {

    private static final TopicPartition TP = new TopicPartition("t", 0);

    private static byte[] line(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void fullAtFlushSize() {
        RotationPolicy p = new RotationPolicy(3, 10_000);
        PartitionState s = new PartitionState(TP);
        s.append(0, "a/", line("1"), 0);
        s.append(1, "a/", line("2"), 0);
        assertFalse(p.shouldWrite(s, 0));
        s.append(2, "a/", line("3"), 0);
        assertTrue(p.shouldWrite(s, 0));
        assertTrue(p.mustRotateBefore(s, "a/"));
    }

    @Test
    void dueAfterTheIntervalSinceTheFirstRecord() {
        RotationPolicy p = new RotationPolicy(100, 10_000);
        PartitionState s = new PartitionState(TP);
        assertFalse(p.shouldWrite(s, 1_000_000), "an empty buffer is never written");
        s.append(0, "a/", line("1"), 1_000);
        s.append(1, "a/", line("2"), 9_000); // later records do not extend the deadline
        assertFalse(p.shouldWrite(s, 10_999));
        assertEquals(1, p.msUntilDue(s.openedAtMs(), 10_999));
        assertTrue(p.shouldWrite(s, 11_000));
        assertEquals(0, p.msUntilDue(s.openedAtMs(), 20_000));
    }

    @Test
    void zeroIntervalDisablesTimeRotation() {
        RotationPolicy p = new RotationPolicy(100, 0);
        PartitionState s = new PartitionState(TP);
        s.append(0, "a/", line("1"), 0);
        assertFalse(p.shouldWrite(s, Long.MAX_VALUE / 2));
        assertEquals(-1, p.msUntilDue(0, 5));
    }

    @Test
    void rotatesBeforeARecordOfAnotherFolder() {
        RotationPolicy p = new RotationPolicy(100, 0);
        PartitionState s = new PartitionState(TP);
        assertFalse(p.mustRotateBefore(s, "day=28/"));
        s.append(0, "day=28/", line("1"), 0);
        assertFalse(p.mustRotateBefore(s, "day=28/"));
        assertTrue(p.mustRotateBefore(s, "day=29/"));
        assertThrows(IllegalStateException.class, () -> s.append(1, "day=29/", line("2"), 0));
    }

    @Test
    void rejectsInvalidSettings() {
        assertThrows(IllegalArgumentException.class, () -> new RotationPolicy(0, 0));
        assertThrows(IllegalArgumentException.class, () -> new RotationPolicy(1, -1));
    }

    @Test
    void stateTracksDurableOffsetsAndRedeliveries() {
        PartitionState s = new PartitionState(TP);
        assertEquals(-1, s.durableNext());
        s.skip(4); // a tombstone with nothing buffered is durable at once
        assertEquals(5, s.durableNext());
        s.append(5, "a/", line("{\"x\":1}"), 0);
        s.skip(6); // a tombstone after buffered records waits for them
        assertEquals(5, s.durableNext());
        assertTrue(s.alreadySeen(6));
        assertFalse(s.alreadySeen(7));
        assertArrayEquals(line("{\"x\":1}\n"), s.content());
        assertEquals(5, s.startOffset());
        s.markWritten();
        assertEquals(7, s.durableNext());
        assertTrue(s.isEmpty());
        assertThrows(IllegalStateException.class, () -> s.append(6, "a/", line("1"), 0));
        assertThrows(IllegalStateException.class, s::markWritten);
    }
}
